import { StagedUpload } from '../attachments/StagedUpload';
import { Tender } from './Tender';
import { TenderCustomer } from './TenderCustomer';
import { TenderLock } from './TenderLock';
import { TenderOutcome } from './TenderOutcome';
import { TenderProduct } from './TenderProduct';

/** The tables of tender reservation, and the uploads a start form attaches. */
export const tenderEntities = [Tender, TenderLock, TenderOutcome, TenderCustomer, TenderProduct, StagedUpload];
