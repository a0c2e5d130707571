/**
 * The drill-down (its tabs, the deal rows and the snooze form) is a chunk of its own, drill.js:
 * it opens only on a click on a stage, and most visits of the Leads section never click, so it
 * stays out of what every page loads.
 */
export const loadDrilldown = () =>
  import(/* webpackChunkName: "drill" */ './Drilldown').then(m => m.Drilldown);
