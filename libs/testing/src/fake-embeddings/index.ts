export * from './fake-embeddings-server';
export * from './fake-embedding';
export * from './scripted-embedding-reply';
