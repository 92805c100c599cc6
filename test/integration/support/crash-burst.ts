/** Where the REST API is now: the sandbox's URL, awaited while it restarts. */
export type CurrentUrl = () => Promise<string>;

type Update = { project: string; values: Record<string, unknown> };
type Answer = { results?: { project: { key: string }; error?: { code: string } }[]; error?: { code: string } };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one REST API call until it is answered 200, as an importer would: a call refused by the site's storage limits
 * (429, or a 207 naming the projects that were) is sent again after its Retry-After; a call the sandbox's death cut
 * off is sent again, unchanged, to the restarted sandbox — whether or not it was committed, the same values make one
 * change at most. Returns how many times it was sent again.
 */
export async function sendUntilAnswered(currentUrl: CurrentUrl, apiKey: string, updates: Update[]): Promise<number> {
  let again = 0;
  for (let pending = updates; pending.length > 0; again++) {
    if (again > 50) throw new Error(`a REST API call was sent 50 times: ${JSON.stringify(pending)}`);
    let response: Response;
    try {
      response = await fetch(`${await currentUrl()}/webtrigger/rest-api`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ updates: pending }),
      });
    } catch {
      // The connection died with the sandbox: send it again once it is back.
      await pause(100);
      continue;
    }
    const body = (await response.json()) as Answer;
    if (response.status === 200) return again;
    const limited = response.status === 429 || (response.status === 207 && body.results?.every((r) => !r.error || r.error.code === 'RATE_LIMITED'));
    if (!limited) throw new Error(`the REST API answered ${response.status}: ${JSON.stringify(body)}`);
    if (response.status === 207) pending = pending.filter((u) => body.results?.find((r) => r.project.key === u.project)?.error);
    await pause(Number(response.headers.get('retry-after') ?? '5') * 1000);
  }
  return again;
}

/** `changesPerProject` changes of Budget in each project, a call at a time, each call changing every project once. */
export async function burst(currentUrl: CurrentUrl, apiKey: string, projects: readonly string[], changesPerProject: number): Promise<number> {
  let again = 0;
  for (let i = 0; i < changesPerProject; i++)
    again += await sendUntilAnswered(
      currentUrl,
      apiKey,
      projects.map((project) => ({ project, values: { Budget: 1_000 + i } })),
    );
  return again;
}
