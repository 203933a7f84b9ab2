export * from './fake-anthropic-server';
export * from './scripted-reply';
