export * from './calls';
export * from './client';
export * from './define';
export * from './errors';
export * from './events';
export * from './names';
export * from './transport';
export * from './upload-file';
