export interface Publisher {
  readonly supportLink: string;
  readonly supportEmail: string;
  readonly privacyLink: string;
}
export const FIELDS: readonly {
  readonly key: keyof Publisher;
  readonly env: string;
  readonly kind: 'url' | 'email';
}[];
export function readPublisher(
  root?: string,
  env?: Readonly<Record<string, string | undefined>>,
): { values: Publisher; problems: string[] };
