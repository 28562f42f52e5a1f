import { describeTroubleshootStoresContract } from '../contract/troubleshoot-stores.contract.js';
import { memoryStorage } from './memory-storage.js';

describeTroubleshootStoresContract('memory', () => {
  const storage = memoryStorage();
  return { ...storage, close: () => storage.store.close() };
});
