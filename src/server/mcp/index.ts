export { createMcpApp } from './app.js';
