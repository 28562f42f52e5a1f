import { describeArticleStoreContract } from '../contract/article-store.contract.js';
import { describeUnitOfWorkContract } from '../contract/unit-of-work.contract.js';
import { MemoryArticleStore } from './memory-article-store.js';
import { emptyMemoryState } from './memory-state.js';
import { memoryStorage } from './memory-storage.js';

describeArticleStoreContract(
  'memory',
  () => new MemoryArticleStore(),
  () => {
    // Two handles on one memory "database": one state.
    const state = emptyMemoryState();
    return [new MemoryArticleStore(state), new MemoryArticleStore(state)];
  },
);

describeUnitOfWorkContract('memory', memoryStorage);
