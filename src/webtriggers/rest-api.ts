/** The inbound REST API for automation and imports. Until API keys exist, every request is unauthorised. */
export function restApi(): { statusCode: number; headers: Record<string, string[]>; body: string } {
  return {
    statusCode: 401,
    headers: { 'content-type': ['application/json'], 'www-authenticate': ['Bearer'] },
    body: JSON.stringify({ error: { code: 'UNAUTHORIZED', message: 'A valid API key is required: Authorization: Bearer <key>' } }),
  };
}
