// The JSON API: one place that turns the error shape {"error", "status"} into exceptions,
// and that sends the write token, when the user has given one, as `Authorization: Bearer`.

const TOKEN_KEY = "armstrace.token";

/** The write token the user pasted (kept in this browser's localStorage for this server), or "". */
export function getToken() {
  return localStorage.getItem(TOKEN_KEY) || "";
}

/** Keep (or, with "", forget) the write token. */
export function setToken(token) {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

function headers(extra = {}) {
  const token = getToken();
  return { Accept: "application/json", ...extra, ...(token ? { Authorization: `Bearer ${token}` } : {}) };
}

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
  return parse(await fetch(`/api/${path}${qs ? "?" + qs : ""}`, { headers: headers() }));
}

/** POST a JSON body to /api/<path>. */
export async function postJSON(path, body) {
  return parse(await fetch(`/api/${path}`, {
    method: "POST",
    headers: headers({ "Content-Type": "application/json" }),
    body: JSON.stringify(body),
  }));
}
