import { describeDemandStoreContract } from '../contract/demand-store.contract.js';
import { MemoryDemandStore } from './memory-demand-store.js';

describeDemandStoreContract('memory', () => new MemoryDemandStore());
