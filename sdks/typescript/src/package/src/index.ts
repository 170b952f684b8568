// One namespace per service contract; each has its own Configuration, ResponseError and models.
export * as account from './account';
export * as incident from './incident';
export * as consent from './consent';
export * as audit from './audit';
export * as privacy from './privacy';
