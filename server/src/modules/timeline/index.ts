export { orderTimeline, registerTimelineSource } from './timeline.service.js';
