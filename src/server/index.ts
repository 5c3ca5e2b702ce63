export { createServerApp } from './app.js';
