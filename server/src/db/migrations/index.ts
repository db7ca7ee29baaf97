import { Skeleton1732300000000 } from './1732300000000-Skeleton';
import { Warranty1732400000000 } from './1732400000000-Warranty';
import { Tasks1732500000000 } from './1732500000000-Tasks';
import { Outbox1732600000000 } from './1732600000000-Outbox';
import { Catalog1732700000000 } from './1732700000000-Catalog';
import { Comments1732800000000 } from './1732800000000-Comments';
import { Attachments1732900000000 } from './1732900000000-Attachments';
import { TaskDrafts1733000000000 } from './1733000000000-TaskDrafts';
import { InboxIndexes1733200000000 } from './1733200000000-InboxIndexes';
import { DesignerDrafts1733300000000 } from './1733300000000-DesignerDrafts';
import { SavedViews1733100000000 } from './1733100000000-SavedViews';
import { Instances1733400000000 } from './1733400000000-Instances';
import { FormDrafts1733500000000 } from './1733500000000-FormDrafts';
import { TaskSummaries1733600000000 } from './1733600000000-TaskSummaries';
import { TaskProcessVersion1733700000000 } from './1733700000000-TaskProcessVersion';
import { CommentRules1733700000001 } from './1733700000001-CommentRules';
import { HealthProbe1733900000000 } from './1733900000000-HealthProbe';
import { Stock1734100000000 } from './1734100000000-Stock';
import { DealerFinance1734100000001 } from './1734100000001-DealerFinance';
import { Tenders1734300000000 } from './1734300000000-Tenders';
import { TenderRules1734300000001 } from './1734300000001-TenderRules';

/** Every migration, oldest first; the same list runs on SQLite and MySQL. */
export const migrations = [Skeleton1732300000000, Warranty1732400000000, Tasks1732500000000, Outbox1732600000000, Catalog1732700000000, Comments1732800000000, Attachments1732900000000, TaskDrafts1733000000000, SavedViews1733100000000, InboxIndexes1733200000000, DesignerDrafts1733300000000, Instances1733400000000, FormDrafts1733500000000, TaskSummaries1733600000000, TaskProcessVersion1733700000000, CommentRules1733700000001, HealthProbe1733900000000, Stock1734100000000, DealerFinance1734100000001, Tenders1734300000000, TenderRules1734300000001];
