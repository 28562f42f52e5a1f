import { describeSearchIndexContract } from '../contract/search-index.contract.js';
import { MemorySearchIndex } from './memory-search-index.js';

describeSearchIndexContract('memory', () => new MemorySearchIndex());
