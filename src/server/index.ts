export { startServer, defaultWebRoot, DEFAULT_PORT, DEFAULT_MAX_UPLOAD_BYTES, type ServerOptions, type RunningServer } from './server.js';
export { resolveInside, resolveFileInside, isInside, PathRefused } from './safe-path.js';
export { StudyIndex, type StudyFile } from './study-index.js';
