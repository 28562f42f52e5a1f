import { describeArticleStoreContract } from '../contract/article-store.contract.js';
import { MemoryArticleStore } from './memory-article-store.js';

describeArticleStoreContract('memory', () => new MemoryArticleStore());
