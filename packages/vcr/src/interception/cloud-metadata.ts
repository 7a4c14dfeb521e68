/**
 * Hosts that cloud SDKs ask for credentials and instance metadata: AWS's
 * instance metadata service (also Azure's and GCP's address) and its ECS task
 * endpoint, and GCP's metadata server. A credential chain that finds no key
 * in the environment ends up here, on a laptop or in CI alike.
 */
const metadataHosts = new Set(["169.254.169.254", "169.254.170.2", "[fd00:ec2::254]", "metadata.google.internal", "metadata"]);

/** Whether a URL is a cloud metadata or credential look-up. */
export function isCloudMetadata(url: URL): boolean {
  return metadataHosts.has(url.hostname.toLowerCase());
}

/** Credentials that sign requests nobody will check: replays match without signatures. */
const offlineCredentials = {
  AccessKeyId: "ASIATAPEDECKOFFLINE0",
  SecretAccessKey: "tapedeck-offline-secret",
  Token: "tapedeck-offline-session-token",
};

/**
 * The answer to a metadata look-up, made here without the network: fake but
 * well-formed credentials (AWS instance and ECS roles, GCP and Azure access
 * tokens), so that an SDK signs its replayed requests with them; 404 for any
 * other metadata. Never recorded.
 */
export function offlineMetadataAnswer(request: Request): Response {
  const url = new URL(request.url);
  const path = url.pathname;
  const expiration = new Date(Date.now() + 6 * 3600_000).toISOString();
  const json = (value: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(value), { status: 200, headers: { "content-type": "application/json", ...headers } });
  const text = (value: string, headers: Record<string, string> = {}) => new Response(value, { status: 200, headers: { "content-type": "text/plain", ...headers } });
  // AWS instance metadata (IMDSv2 token, then the role and its credentials).
  if (path === "/latest/api/token" && request.method === "PUT") return text("tapedeck-offline-imds-token");
  if (path === "/latest/meta-data/iam/security-credentials/" || path === "/latest/meta-data/iam/security-credentials") return text("tapedeck-offline-role");
  if (path.startsWith("/latest/meta-data/iam/security-credentials/")) {
    return json({ Code: "Success", Type: "AWS-HMAC", LastUpdated: new Date().toISOString(), ...offlineCredentials, Expiration: expiration });
  }
  // AWS ECS task role (169.254.170.2/<relative uri>).
  if (url.hostname === "169.254.170.2") return json({ ...offlineCredentials, RoleArn: "arn:aws:iam::000000000000:role/tapedeck-offline", Expiration: expiration });
  // GCP metadata server.
  const google = { "metadata-flavor": "Google" };
  if (path.endsWith("/service-accounts/default/token")) return json({ access_token: "tapedeck-offline-token", expires_in: 3599, token_type: "Bearer" }, google);
  if (path.endsWith("/project/project-id")) return text("tapedeck-offline-project", google);
  if (path === "/" || path === "/computeMetadata/v1/" || path === "/computeMetadata/v1") return text("", google);
  // Azure managed identity.
  if (path === "/metadata/identity/oauth2/token") {
    return json({ access_token: "tapedeck-offline-token", expires_in: "3599", expires_on: String(Math.floor(Date.now() / 1000) + 3599), token_type: "Bearer" });
  }
  return new Response("not available offline", { status: 404, headers: { "content-type": "text/plain" } });
}
