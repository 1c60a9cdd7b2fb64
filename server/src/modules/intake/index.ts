export { intakeRoutes } from './intake.routes.js';
