import { Attachments1732900000000 } from './1732900000000-Attachments';
import { defineModule } from '../modules/FeatureModule';
import { Attachment } from './Attachment';
import { attachmentRoutes } from './attachmentRoutes';
import { AttachmentService } from './AttachmentService';
import { uploadRoutes } from './uploadRoutes';

/** Files on a case, and files staged for a start form (the processes feature makes the staging). */
export const attachmentsModule = defineModule({
  name: 'attachments',
  entities: [Attachment],
  migrations: [Attachments1732900000000],
  needs: ['processes', 'audit'],
  makes: ['attachments'],
  services: ({ dataSource, options, processes, audit }) => ({ attachments: new AttachmentService(dataSource, processes, audit, options.attachmentsDir) }),
  fileRoutes: (s) => [attachmentRoutes(s.attachments), uploadRoutes(s.uploads)],
});
