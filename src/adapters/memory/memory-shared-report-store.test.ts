import { describeSharedReportStoreContract } from '../contract/shared-report-store.contract.js';
import { MemorySharedReportStore } from './memory-shared-report-store.js';

describeSharedReportStoreContract('memory', () => ({
  reports: new MemorySharedReportStore(),
  close: () => Promise.resolve(),
}));
