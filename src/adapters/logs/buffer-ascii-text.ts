import { type ReadLog, readLogHere } from '../../app/analyze-logs.js';
import { bufferAsciiText } from './ascii-buffer-text.js';

/** One file read in this thread (readLogHere), its ASCII read through Buffer (ascii-buffer-text.ts). */
export const readLogWithBuffers: ReadLog = (source, options, onChunk) =>
  readLogHere(source, { ...options, ascii: bufferAsciiText }, onChunk);
