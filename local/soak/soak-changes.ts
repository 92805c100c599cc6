type Answer = { results?: { project: { key: string }; error?: { code: string } }[] };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A steady stream of changes through the REST API: one call at a time, each changing Budget in every project, paced
 * to `perSecond` changes a second until `until`. A call refused by the site's storage limits (429, or a 207 naming the
 * projects that were) is sent again after its Retry-After, as the API asks; any other answer stops the soak.
 */
export async function sendChanges(
  url: string,
  apiKey: string,
  projects: readonly string[],
  pace: { perSecond: number; until: number },
): Promise<{ calls: number; resent: number }> {
  const everyMs = (projects.length / Math.max(pace.perSecond, 0.001)) * 1000;
  let calls = 0;
  let resent = 0;
  for (let i = 0; Date.now() < pace.until; i++) {
    const due = Date.now() + everyMs;
    let pending = projects.map((project) => ({ project, values: { Budget: i } }));
    while (pending.length > 0) {
      calls++;
      const response = await fetch(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ updates: pending }),
      });
      const body = (await response.json()) as Answer;
      if (response.status === 200) break;
      const limited = response.status === 429 || (response.status === 207 && body.results?.every((r) => !r.error || r.error.code === 'RATE_LIMITED'));
      if (!limited) throw new Error(`the REST API answered ${response.status}: ${JSON.stringify(body)}`);
      resent++;
      if (response.status === 207) pending = pending.filter((u) => body.results?.find((r) => r.project.key === u.project)?.error);
      await pause(Number(response.headers.get('retry-after') ?? '5') * 1000);
    }
    await pause(Math.max(0, due - Date.now()));
  }
  return { calls, resent };
}
