import { Comments1732800000000 } from './1732800000000-Comments';
import { CommentRules1733700000001 } from './1733700000001-CommentRules';
import { defineModule } from '../modules/FeatureModule';
import { Comment } from './Comment';
import { CommentService } from './CommentService';

/** Comments on a case (their routes sit with the process instance's, under `/api/process-instances/:key`). */
export const commentsModule = defineModule({
  name: 'comments',
  entities: [Comment],
  migrations: [Comments1732800000000, CommentRules1733700000001],
  needs: ['processes', 'audit', 'notifications'],
  makes: ['comments'],
  services: ({ dataSource, processes, audit, notifications }) => ({ comments: new CommentService(dataSource, processes, audit, notifications) }),
});
