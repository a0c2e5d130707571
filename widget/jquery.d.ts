// The host's jQuery (amoCRM provides 2.1.3 as the AMD module "jquery"); only what we call.
declare module 'jquery' {
  interface HostJQuery {
    on(events: string, handler: () => void): HostJQuery;
    off(events: string, handler?: () => void): HostJQuery;
  }
  const $: (target: unknown) => HostJQuery;
  export default $;
}
