// The JSON API: one place that turns the error shape {"error", "status"} into exceptions.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function parse(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(body.error || `HTTP ${response.status}`, body.status || response.status);
  return body;
}

/** GET /api/<path> with query parameters; empty values are left out. */
export async function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, value);
  }
  const qs = query.toString();
  return parse(await fetch(`/api/${path}${qs ? "?" + qs : ""}`, { headers: { Accept: "application/json" } }));
}

/** POST a JSON body to /api/<path>. */
export async function postJSON(path, body) {
  return parse(await fetch(`/api/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  }));
}
