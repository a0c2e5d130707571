/**
 * The names of the demo's lead custom fields (`fields.ts`). UTM sources are values, not names,
 * but each market has its own channels, so they follow the language too: same order, same role
 * (the third is the paid social channel with the weak Квалифицирован → Отправлено КП).
 */
export interface DemoFieldNames {
  /** The list field «Продукт». */
  readonly product: string;
  /** Its four choices: CRM rollout, integration, training, support (the one that wins most). */
  readonly products: readonly [string, string, string, string];
  /** `utm_source` values: search, search or video, paid social, messenger or mail, partner. */
  readonly utmSources: readonly [string, string, string, string, string];
}

/**
 * What a demo account in another language renames. Lists follow the order of their Russian
 * originals in `structure.ts` (users as USER_SEEDS, loss reasons as LOSS_REASONS, tags as TAGS)
 * and `fields.ts` (RU_FIELD_NAMES), so every id keeps its role and the funnel is the same in every
 * language.
 */
export interface DemoLocale {
  readonly account: {
    readonly name: string;
    readonly country: string;
    readonly currency: string;
    readonly currency_symbol: string;
  };
  /**
   * Roubles → this currency: multiply, then round to `priceStep` (a non-zero price stays at
   * least one step). A rough exchange rate, so a deal costs what such a deal costs there.
   */
  readonly priceScale: number;
  readonly priceStep: number;
  /** Management, sales team 1, sales team 2. */
  readonly groups: readonly [string, string, string];
  /** [full name, e-mail login] in USER_SEEDS order (admin first). */
  readonly users: readonly (readonly [string, string])[];
  readonly pipelines: { readonly main: string; readonly repeat: string };
  /** The system stages: incoming (Неразобранное), 142 and 143, as Kommo names them. */
  readonly incoming: string;
  readonly won: string;
  readonly lost: string;
  readonly stages: { readonly main: readonly string[]; readonly repeat: readonly string[] };
  readonly sideStage: string;
  readonly lossReasons: readonly string[];
  readonly tags: readonly string[];
  readonly fields: DemoFieldNames;
  /** The name Kommo gives a lead nobody named (amoCRM: "Сделка #123"). */
  readonly defaultName: (id: number) => string;
  /** The second hostile name (the first, an <img> tag, is the same everywhere). */
  readonly hostileText: string;
  readonly companies: readonly string[];
  /** A person's name, for sole traders. */
  readonly people: readonly string[];
  /** The client as written in a deal name: `r` in [0, 1) picks the legal form. */
  readonly client: (r: number, company: string, person: string) => string;
  /** `{n}` is replaced by a seat / item count. */
  readonly subjects: readonly string[];
  readonly repeatSubjects: readonly string[];
}
