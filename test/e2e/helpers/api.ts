/**
 * Reading the sandbox's API v4 from the test process, to compare what the page shows with what
 * the API gives the same user.
 */
import { z } from 'zod';
import type { SandboxBrowser } from './sandbox';

const leadPageSchema = z.object({
  _embedded: z.object({
    leads: z.array(
      z.object({
        id: z.number(),
        status_id: z.number(),
        pipeline_id: z.number(),
        responsible_user_id: z.number(),
        price: z.number(),
      }),
    ),
  }),
  _links: z.object({ next: z.object({ href: z.string() }).optional() }),
});

export type ApiLead = z.infer<typeof leadPageSchema>['_embedded']['leads'][number];

/** Every lead the user (default: the admin token) may see, paged sequentially under the rate limit. */
export async function allApiLeads(env: SandboxBrowser, userId?: number): Promise<ApiLead[]> {
  const leads: ApiLead[] = [];
  for (let page = 1; ; page += 1) {
    const body = await env.api(`/api/v4/leads?limit=250&page=${page}`, userId);
    if (body === null) break;
    const parsed = leadPageSchema.parse(body);
    leads.push(...parsed._embedded.leads);
    if (parsed._links.next === undefined) break;
    // Well under 7 requests per second, so the test never meets the rate limit.
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  return leads;
}
