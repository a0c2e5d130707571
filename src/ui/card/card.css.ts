/** The lead card block: narrow (amoCRM's right widgets column is about 260 px). */
export const CARD_CSS = `
.funnel-lens .fl-card { font-size: 12px; max-width: 100%; }
.funnel-lens .fl-card__now { margin-bottom: 10px; }
.funnel-lens .fl-card__working { display: inline-flex; align-items: center; gap: 6px; margin-bottom: 6px; cursor: pointer; }
.funnel-lens .fl-card__working input { margin: 0; }
.funnel-lens .fl-card__note { margin: 0 0 10px; color: var(--fl-muted); }
.funnel-lens .fl-card__subtitle { font-size: 12px; font-weight: bold; margin: 8px 0 4px; }
.funnel-lens .fl-badge--stuck {
  display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11px; line-height: 16px;
  background: var(--fl-bad-soft); color: var(--fl-bad); border: 1px solid var(--fl-bad); margin-bottom: 4px;
}
.funnel-lens .fl-gauge {
  position: relative; height: 10px; margin: 6px 0 8px; border-radius: 5px; background: var(--fl-surface);
  border: 1px solid var(--fl-border);
}
.funnel-lens .fl-gauge__fill { position: absolute; inset: 0 auto 0 0; border-radius: 5px; background: var(--fl-accent); }
.funnel-lens .fl-gauge--stuck .fl-gauge__fill { background: var(--fl-bad); }
.funnel-lens .fl-gauge__mark { position: absolute; top: -4px; bottom: -4px; width: 2px; margin-left: -1px; background: var(--fl-text); }
.funnel-lens .fl-gauge__mark--p90 { background: var(--fl-warn); }
.funnel-lens .fl-card__norms { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 8px; margin: 0; }
.funnel-lens .fl-card__norms div { display: flex; flex-direction: column; }
.funnel-lens .fl-card__norms dt { color: var(--fl-muted); }
.funnel-lens .fl-card__norms dd { margin: 0; font-weight: bold; }
.funnel-lens .fl-journey { list-style: none; margin: 0; padding: 0 0 0 12px; border-left: 2px solid var(--fl-border); }
.funnel-lens .fl-journey__step { position: relative; padding: 2px 0 6px 6px; display: flex; flex-direction: column; }
.funnel-lens .fl-journey__step::before {
  content: ''; position: absolute; left: -18px; top: 6px; width: 8px; height: 8px; border-radius: 50%;
  background: var(--fl-border);
}
.funnel-lens .fl-journey__step--current .fl-journey__name { font-weight: bold; }
.funnel-lens .fl-journey__step--current::before { background: var(--fl-accent); }
.funnel-lens .fl-journey__step--won::before { background: var(--fl-good); }
.funnel-lens .fl-journey__step--lost::before { background: var(--fl-bad); }
.funnel-lens .fl-journey__step--other .fl-journey__name { font-style: italic; }
.funnel-lens .fl-journey__meta { font-size: 11px; }
`;
