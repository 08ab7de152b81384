declare module 'virtual:siliang/context' {
  const context: import('#integration/context.ts').BuildContext;
  export default context;
}
