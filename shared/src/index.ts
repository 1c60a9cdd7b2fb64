export * from './common/common.schema.js';
export * from './users/users.schema.js';
