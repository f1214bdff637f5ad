#!/usr/bin/env python3
"""Probe set 8 - independent, labelled FAKE secrets / PII and hard negatives.

Written by a session that never read the packs, the corpus or the engine (2026-11-25), from the category
list alone. Every value is generated here from random numbers (valid checksums where the
real format has one). Output: blind-probe.tsv next to this script, one case per
line: LABEL<TAB>TEXT, newlines inside TEXT written as the two characters \\n.
"""
import base64
import json
import os
import random
import string
import uuid as _uuid
import zlib

random.seed(8088)
R = random

DIG = string.digits
UP = string.ascii_uppercase
LO = string.ascii_lowercase
AL = string.ascii_letters + DIG
B64URL = AL + "-_"
B64 = AL + "+/"
HEX = "0123456789abcdef"


def rs(n, a=AL):
    return "".join(R.choice(a) for _ in range(n))


def dg(n):
    return rs(n, DIG)


def hx(n):
    return rs(n, HEX)


def uid():
    return str(_uuid.UUID(int=R.getrandbits(128), version=4))


def ts():
    return "2024-%02d-%02dT%02d:%02d:%02d.%03dZ" % (
        R.randint(1, 12), R.randint(1, 28), R.randint(0, 23),
        R.randint(0, 59), R.randint(0, 59), R.randint(0, 999))


def ip():
    return "10.%d.%d.%d" % (R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))


def b64u(s):
    return base64.urlsafe_b64encode(s.encode()).decode().rstrip("=")


# ---------------------------------------------------------------- checksums
def luhn_digit(body):
    s = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return str((10 - s % 10) % 10)


def luhn_ok(num):
    return luhn_digit(num[:-1]) == num[-1]


def iban_check(cc, bban):
    s = bban + cc + "00"
    n = int("".join(str(int(c, 36)) for c in s))
    return "%02d" % (98 - n % 97)


def iban_valid(iban):
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


# ---------------------------------------------------------------- secrets
B62 = DIG + UP + LO


def b62(n, width=6):
    s = ""
    while n:
        n, r = divmod(n, 62)
        s = B62[r] + s
    return s.rjust(width, "0")


def g_github():
    k = R.choice(["ghp", "ghp", "pat", "gho", "ghs", "ghu"])
    if k == "pat":
        return "github_pat_11" + rs(20, UP + DIG) + "_" + rs(59)
    body = rs(30)
    return k + "_" + body + b62(zlib.crc32(body.encode()))


def g_gitlab():
    return R.choice(["glpat-", "glpat-", "gldt-"]) + rs(20, B64URL)


def g_slack():
    k = R.choice(["xoxb", "xoxp", "xapp"])
    if k == "xoxb":
        return "xoxb-%s-%s-%s" % (dg(12), dg(13), rs(24))
    if k == "xoxp":
        return "xoxp-%s-%s-%s-%s" % (dg(12), dg(12), dg(13), hx(32))
    return "xapp-1-A%s-%s-%s" % (rs(10, UP + DIG), dg(13), hx(64))


def g_slack_hook():
    return "https://hooks.slack.com/services/T%s/B%s/%s" % (
        rs(10, UP + DIG), rs(10, UP + DIG), rs(24))


def g_openai():
    k = R.choice(["proj", "proj", "svc", "legacy"])
    if k == "proj":
        return "sk-proj-" + rs(74, B64URL) + "T3BlbkFJ" + rs(74, B64URL)
    if k == "svc":
        return "sk-svcacct-" + rs(74, B64URL) + "T3BlbkFJ" + rs(74, B64URL)
    return "sk-" + rs(20) + "T3BlbkFJ" + rs(20)


def g_anthropic():
    return "sk-ant-api03-" + rs(93, B64URL) + "AA"


def g_hf():
    return "hf_" + rs(34, string.ascii_letters)


def g_aws_ak():
    return R.choice(["AKIA", "AKIA", "AKIA", "ASIA"]) + rs(16, UP + "234567")


def g_aws_sk():
    return rs(40, B64)


def g_aws_st():
    return R.choice(["IQoJb3JpZ2luX2VjE", "FwoGZXIvYXdzE"]) + rs(R.randint(330, 420), B64) + R.choice(["", "=", "=="])


def g_gapi():
    return "AIzaSy" + rs(33, B64URL)


def g_gtok():
    return "ya29.a0" + rs(R.randint(150, 200), B64URL)


def g_gsec():
    return "GOCSPX-" + rs(28, B64URL)


def g_mailgun():
    return "key-" + hx(32)


def g_mailchimp():
    return hx(32) + "-us" + str(R.randint(2, 21))


def g_sendgrid():
    return "SG." + rs(22, B64URL) + "." + rs(43, B64URL)


def g_npm():
    return "npm_" + rs(36)


def g_pypi():
    return "pypi-AgEIcHlwaS5vcmc" + rs(R.randint(140, 190), B64URL)


def g_do():
    return R.choice(["dop_v1_", "dop_v1_", "doo_v1_"]) + hx(64)


def g_twilio_sk():
    return "SK" + hx(32)


def g_twilio_auth():
    return hx(32)


def g_shopify():
    return R.choice(["shpat_", "shpat_", "shpss_", "shpca_", "shppa_"]) + hx(32)


def g_square():
    k = R.choice(["EAAA", "EAAA", "sq0atp", "sq0csp"])
    if k == "EAAA":
        return "EAAA" + rs(60, B64URL)
    if k == "sq0atp":
        return "sq0atp-" + rs(22, B64URL)
    return "sq0csp-" + rs(43, B64URL)


def g_stripe():
    return R.choice(["sk_live_", "sk_live_", "rk_live_"]) + rs(R.choice([24, 99]))


def g_whsec():
    return "whsec_" + rs(32)


def g_telegram():
    return "%d:AA%s" % (R.randint(10 ** 9, 7 * 10 ** 9), rs(33, B64URL))


def g_discord_bot():
    uid_ = str(R.randint(10 ** 17, 13 * 10 ** 17))
    return b64u(uid_) + "." + rs(6, B64URL) + "." + rs(38, B64URL)


def g_discord_hook():
    return "https://%s/api/webhooks/%s/%s" % (
        R.choice(["discord.com", "discordapp.com"]), dg(19), rs(68, B64URL))


def g_docker():
    return "dckr_pat_" + rs(27, B64URL)


def g_databricks():
    return "dapi" + hx(32) + R.choice(["", "-2", "-3"])


def g_datadog():
    return hx(32)


def g_grafana():
    if R.random() < 0.6:
        return "glsa_" + rs(32) + "_" + hx(8)
    j = json.dumps({"o": dg(6), "n": "stack-%s-%s" % (dg(6), rs(6, LO)), "k": rs(24), "m": {"r": "prod-eu-west-2"}}, separators=(",", ":"))
    return "glc_" + base64.b64encode(j.encode()).decode()


def g_groq():
    return "gsk_" + rs(52)


def g_xai():
    return "xai-" + rs(80)


def g_pplx():
    return "pplx-" + rs(48)


def g_replicate():
    return "r8_" + rs(37)


def g_linear():
    return "lin_api_" + rs(40)


def g_notion():
    if R.random() < 0.5:
        return "secret_" + rs(43)
    return "ntn_" + dg(11) + rs(35)


def g_postman():
    return "PMAK-" + hx(24) + "-" + hx(34)


def g_okta():
    return "00" + rs(40, B64URL)


def g_vault():
    k = R.choice(["hvs_long", "hvs", "hvb"])
    if k == "hvs":
        return "hvs." + rs(24)
    if k == "hvb":
        return "hvb.AAAAAQ" + rs(120, B64URL)
    return "hvs.CAESI" + rs(R.randint(80, 100), B64URL)


def g_tfc():
    return rs(14) + ".atlasv1." + rs(67)


def g_sentry():
    if R.random() < 0.5:
        j = json.dumps({"iat": R.randint(1.70e9, 1.72e9), "url": "https://sentry.io", "region_url": "https://de.sentry.io", "org": R.choice(["acme-gmbh", "lumen-labs", "nordwind"])}, separators=(",", ":"))
        return "sntrys_" + base64.b64encode(j.encode()).decode().rstrip("=") + "_" + rs(43, B64URL)
    return "sntryu_" + hx(64)


def g_rubygems():
    return "rubygems_" + hx(48)


def g_nuget():
    return "oy2" + rs(43, LO + DIG)


def g_heroku():
    if R.random() < 0.5:
        return "HRKU-AA" + rs(58, B64URL)
    return uid()


def g_cloudflare():
    if R.random() < 0.75:
        return rs(40, B64URL)
    return hx(37)


def g_atlassian():
    return "ATATT3xFfGF0" + rs(170, B64URL) + "=" + hx(8).upper()


def g_azure_ad():
    return rs(3) + R.choice(DIG) + "Q~" + rs(34, AL + "_~.-")


def g_azdo():
    if R.random() < 0.5:
        return rs(52, LO + "234567")
    return rs(76) + "AZDO" + rs(4)


def g_azure_sas():
    acct = "st" + rs(8, LO + DIG)
    sig = rs(43, B64) + "="
    sig = sig.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
    q = "sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2025-%02d-%02dT18:00:00Z&st=2024-%02d-%02dT09:00:00Z&spr=https&sig=%s" % (
        R.randint(1, 12), R.randint(1, 28), R.randint(1, 12), R.randint(1, 28), sig)
    if R.random() < 0.5:
        return "https://%s.blob.core.windows.net/%s/%s?%s" % (acct, R.choice(["exports", "backups", "invoices"]), R.choice(["2024-03.csv", "db.bak", "report.pdf"]), q)
    return "?" + q


def g_azure_storage():
    key = rs(86, B64) + "=="
    if R.random() < 0.5:
        return "DefaultEndpointsProtocol=https;AccountName=st%s;AccountKey=%s;EndpointSuffix=core.windows.net" % (rs(8, LO + DIG), key)
    return key


def g_bitbucket():
    return "ATBB" + rs(32) + hx(8).upper()


def g_alibaba():
    return "LTAI" + rs(R.choice([12, 16, 20]))


def g_facebook():
    return R.choice(["EAAB", "EAAG", "EAAJ", "EAAI"]) + rs(R.randint(150, 200))


def g_teams():
    return "https://%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s/V2%s" % (
        R.choice(["contoso", "fabrikam", "acmegmbh", "nordwindag"]), uid(), uid(), hx(32), uid(), rs(40, B64URL))


def g_newrelic():
    k = R.choice(["NRAK", "NRAK", "NRJS", "NRII"])
    if k == "NRAK":
        return "NRAK-" + rs(27, UP + DIG)
    if k == "NRJS":
        return "NRJS-" + hx(19)
    return "NRII-" + rs(32, B64URL)


def g_braintree():
    return "access_token$production$" + rs(16, LO + DIG) + "$" + hx(32)


def g_jwt():
    alg = R.choice(["HS256", "RS256", "ES256"])
    hdr = {"alg": alg, "typ": "JWT"}
    if alg != "HS256":
        hdr["kid"] = rs(16, B64URL)
    now = R.randint(1700000000, 1720000000)
    pl = {"sub": R.choice([uid(), "user_" + dg(6), "svc-billing"]), "iat": now, "exp": now + R.choice([900, 3600, 86400]),
          "iss": R.choice(["https://auth.acme-cloud.io/", "https://login.nordwind.de", "api-gateway"]),
          "scope": R.choice(["read:orders write:orders", "admin", "profile"])}
    sig = rs({"HS256": 43, "RS256": 342, "ES256": 86}[alg], B64URL)
    return b64u(json.dumps(hdr, separators=(",", ":"))) + "." + b64u(json.dumps(pl, separators=(",", ":"))) + "." + sig


def g_bearer():
    return rs(R.randint(40, 64), AL + "-_")


def g_apikey():
    return R.choice([lambda: rs(32), lambda: hx(40), lambda: rs(48, B64URL), lambda: rs(24, UP + DIG)])()


WORDS = ["Sommer", "Kaffee", "Bergwerk", "soleil", "invierno", "gatto", "fiets", "zamek", "Mountain", "falcon", "Tiger", "river"]


def g_password():
    st = R.choice(["word", "rand", "rand", "phrase"])
    if st == "word":
        return R.choice(WORDS) + str(R.randint(1970, 2024)) + R.choice("!#%&*?$") + R.choice(WORDS)[:3]
    if st == "phrase":
        return "-".join(R.choice(["ochre", "tundra", "velvet", "harbor", "quartz", "mosaic", "lantern", "pepper"]) for _ in range(4)) + str(R.randint(10, 99))
    return rs(R.randint(12, 20), AL + "!#%&*+-=?@^")


def db_url():
    pw = rs(R.randint(12, 20), AL + "!*-_")
    user = R.choice(["app", "billing_rw", "svc_orders", "admin", "etl_user"])
    k = R.choice(["pg", "pg", "mysql", "mongo", "redis", "amqp", "jdbc", "mssql"])
    h = R.choice(["db-prod-01.internal", "10.20.3.14", "orders.cluster-c9x2k.eu-central-1.rds.amazonaws.com", "pg.acme-intern.de"])
    if k == "pg":
        return "postgresql://%s:%s@%s:5432/%s?sslmode=require" % (user, pw, h, R.choice(["orders", "crm", "app_prod"]))
    if k == "mysql":
        return "mysql://%s:%s@%s:3306/shop" % (user, pw, h)
    if k == "mongo":
        return "mongodb+srv://%s:%s@cluster0.%s.mongodb.net/app?retryWrites=true&w=majority" % (user, pw, rs(5, LO + DIG))
    if k == "redis":
        return "redis://default:%s@%s:6379/0" % (pw, h)
    if k == "amqp":
        return "amqp://%s:%s@rabbitmq.internal:5672/%%2Fprod" % (user, pw)
    if k == "mssql":
        return "mssql+pyodbc://%s:%s@sql-prod-we.database.windows.net:1433/erp?driver=ODBC+Driver+18+for+SQL+Server" % (user, pw)
    return "jdbc:postgresql://%s:5432/erp?user=%s&password=%s" % (h, user, pw)


def url_creds():
    pw = rs(R.randint(10, 18), AL + "!*-_~")
    user = R.choice(["deploy", "jenkins", "admin", "mirror-sync", "svc-backup"])
    t = R.choice(["https://%s:%s@nexus.acme-intern.de/repository/maven-releases/",
                  "ftp://%s:%s@ftp.lagerhaus-weber.de/outgoing/",
                  "http://%s:%s@192.168.10.4:8080/manager/html",
                  "https://%s:%s@git.nordwind-it.nl/platform/infra.git",
                  "http://%s:%s@proxy.corp.local:3128",
                  "https://%s:%s@artifactory.lumen-labs.io/artifactory/api/pypi/simple"])
    return t % (user, pw)


# ---------------------------------------------------------------- wrappers
NAMES = ["Lukas", "Marta", "Jana", "Pierre", "Lucía", "Giulia", "Sven", "Kasia", "Ahmed", "Noor", "Tomasz", "Elif"]


def q(v):
    return R.choice(['%s', '"%s"', "'%s'"]) % v


def render(t, v, s):
    while "{uuid}" in t:
        t = t.replace("{uuid}", uid(), 1)
    return (t.replace("{v}", v).replace("{ts}", ts()).replace("{ip}", ip())
            .replace("{host}", s.get("host", "api.example-service.io")).replace("{n}", str(R.randint(100, 999))))


def w_env(s, v):
    var = R.choice(s["vars"])
    rest = ["APP_ENV=production", "PORT=%d" % R.choice([3000, 8080, 8000]), "LOG_LEVEL=info", "%s=%s" % (var, v), "FEATURE_FLAGS=search,export"]
    R.shuffle(rest)
    head = R.choice(["# .env.production", "$ cat .env", "# generated by bootstrap.sh on 2024-03-02"])
    return "\n".join([head] + rest)


def w_export(s, v):
    var = R.choice(s["vars"])
    n = R.randint(300, 1900)
    cmds = ["cd ~/src/%s" % R.choice(["billing-api", "infra", "webshop", "data-pipeline"]), "export %s=%s" % (var, q(v)),
            R.choice(["make deploy", "npm run start", "python -m app.sync", "terraform plan", "./scripts/release.sh --dry-run"])]
    return "\n".join("%5d  %s" % (n + i, c) for i, c in enumerate(cmds))


def w_cli(s, v):
    cmd = render(R.choice(s["cli"]), v, s)
    pre = R.choice(["$ ", "> ", "➜  infra git:(main) ", ""])
    post = R.choice(["", "\nLogin Succeeded", "\n{\"ok\":true}", "\nDone in 1.42s."])
    return pre + cmd + post


def w_custom(s, v):
    return render(R.choice(s["custom"]), v, s)


def w_yaml(s, v):
    k = s["key"]
    return "%s:\n  enabled: true\n  endpoint: https://%s\n  %s: %s\n  retries: 3" % (s["slug"], s.get("host", "api.internal"), k, R.choice([v, '"%s"' % v]))


def w_json_result(s, v):
    obj = {"ok": True, "result": {"service": s["svc"], "environment": R.choice(["staging", "prod", "dev"]), "config": {s["key"]: v, "timeout_s": 30}}}
    return json.dumps(obj, indent=2, ensure_ascii=False)


def w_json_nested(s, v):
    inner = json.dumps({s["slug"]: {"credentials": {s["key"]: v}, "region": R.choice(["eu-central-1", "us-east-1", "westeurope"])}})
    outer = {"type": "tool_result", "tool_use_id": "toolu_01" + rs(22), "content": [{"type": "text", "text": inner}], "is_error": False}
    return json.dumps(outer)


def w_toml(s, v):
    return "[%s]\n%s = \"%s\"\ntimeout_ms = 5000\nverify_tls = true" % (s["slug"], s["key"], v)


def w_ini(s, v):
    return "; %s settings\n[%s]\n%s = %s\nverify_ssl = true" % (s["svc"], s["slug"], s["key"], v)


def w_py(s, v):
    var = R.choice(s["vars"])
    return R.choice([
        'import os\n\nos.environ.setdefault("%s", "%s")\n' % (var, v),
        '# settings/local.py\n%s = "%s"  # TODO: move to vault\nDEBUG = False' % (var, v),
        'client = %sClient(\n    %s="%s",\n    timeout=30,\n)' % (s["cls"], s["key"], v),
    ])


def w_js(s, v):
    var = R.choice(s["vars"])
    return R.choice([
        "const %s = process.env.%s ?? '%s';\nmodule.exports = { %s };" % (s["key"], var, v, s["key"]),
        "export const config = {\n  %s: {\n    %s: \"%s\",\n  },\n};" % (s["slug"].replace("-", "_"), s["key"], v),
    ])


def w_go(s, v):
    return 'package config\n\nvar Default = Config{\n    Endpoint: "https://%s",\n    %s: "%s",\n}' % (s.get("host", "api.internal"), s["cls"] + "Token", v)


def w_java(s, v):
    var = R.choice(s["vars"])
    return "public final class %sSettings {\n    private static final String %s = \"%s\";\n}" % (s["cls"], var, v)


def w_tf(s, v):
    return R.choice([
        'variable "%s" {\n  type      = string\n  default   = "%s"\n  sensitive = true\n}' % (s["key"], v),
        'resource "kubernetes_secret" "%s" {\n  metadata {\n    name = "%s-credentials"\n  }\n  data = {\n    %s = "%s"\n  }\n}' % (s["slug"].replace("-", "_"), s["slug"], s["key"], v),
    ])


def w_k8s(s, v):
    var = R.choice(s["vars"])
    return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s-credentials\n  namespace: %s\ntype: Opaque\nstringData:\n  %s: \"%s\"" % (
        s["slug"], R.choice(["prod", "payments", "default"]), var, v)


def w_gha(s, v):
    var = R.choice(s["vars"])
    return "name: deploy\non:\n  push:\n    branches: [main]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./scripts/publish.sh\n        env:\n          %s: %s" % (var, v)


def w_compose(s, v):
    var = R.choice(s["vars"])
    return "services:\n  worker:\n    image: ghcr.io/acme/worker:1.8.2\n    restart: unless-stopped\n    environment:\n      - %s=%s\n      - TZ=Europe/Berlin" % (var, v)


def w_logfmt(s, v):
    return 'ts=%s level=debug caller=client.go:%d msg="initialising %s client" %s=%s attempt=1' % (ts(), R.randint(20, 400), s["svc"], s["key"], v)


def w_jsonlog(s, v):
    return json.dumps({"timestamp": ts(), "level": "DEBUG", "logger": "app.integrations.%s" % s["slug"].replace("-", "_"), "message": "loaded credentials",
                       "context": {s["key"]: v, "source": "env"}})


def w_syslog(s, v):
    var = R.choice(s["vars"])
    return "Mar %2d 12:%02d:%02d web-%02d app[%d]: WARN config dump: %s=%s" % (R.randint(1, 28), R.randint(0, 59), R.randint(0, 59), R.randint(1, 12), R.randint(1000, 40000), var, v)


def w_trace(s, v):
    if R.random() < 0.5:
        return ('Traceback (most recent call last):\n  File "/srv/app/sync.py", line %d, in <module>\n    client.push(batch)\n'
                '  File "/srv/app/clients/%s.py", line %d, in push\n    raise AuthError(f"401 from {self.host} with %s={self.%s}")\n'
                'clients.errors.AuthError: 401 from %s with %s=%s') % (R.randint(20, 300), s["slug"].replace("-", "_"), R.randint(20, 200), s["key"], s["key"], s.get("host", "api.internal"), s["key"], v)
    return ("Exception in thread \"main\" com.acme.integration.AuthException: credentials rejected (%s=%s)\n"
            "    at com.acme.integration.%sClient.authenticate(%sClient.java:%d)\n    at com.acme.integration.SyncJob.run(SyncJob.java:57)") % (
        s["key"], v, s["cls"], s["cls"], R.randint(40, 300))


def w_sql(s, v):
    return "INSERT INTO integration_credentials (id, provider, secret_value, created_at) VALUES (%d, '%s', '%s', '%s');" % (
        R.randint(10, 9999), s["slug"], v, ts()[:19].replace("T", " "))


def w_csv(s, v):
    return "name,provider,secret,owner\nci-bot,%s,%s,platform-team" % (s["slug"], v)


def w_md(s, v):
    return "| Environment | Service | Secret |\n|---|---|---|\n| %s | %s | `%s` |" % (R.choice(["staging", "prod"]), s["svc"], v)


CHAT = {
    "en": ["[{hh}] {name}: can someone check why {svc} keeps returning 401? I'm using {v}",
           "{name}: here's the {desc} you asked for -> {v} (please don't paste it anywhere public)"],
    "de": ["{name}: Hat jemand eine Idee? Mit {v} als {desc} bekomme ich immer 403",
           "[{hh}] {name}: hab den {desc} neu erstellt: {v} – trägst du ihn in Jenkins ein?"],
    "fr": ["{name} : quelqu'un peut regarder ? j'ai mis {v} comme {desc} mais ça renvoie 401",
           "[{hh}] {name} : nouveau {desc} pour la recette : {v}"],
    "es": ["{name}: ¿alguien sabe por qué falla? puse {v} como {desc}",
           "[{hh}] {name}: te paso el {desc} nuevo: {v}"],
    "it": ["{name}: qualcuno può controllare? ho usato {v} come {desc} ma ricevo 401"],
    "nl": ["{name}: kan iemand kijken? ik gebruik {v} als {desc} maar krijg 401"],
    "pl": ["{name}: ktoś może zerknąć? używam {v} jako {desc} i dostaję 401"],
}
PROSE = {
    "en": ["FYI the {desc} for the staging project is {v}, please rotate it after the demo."],
    "de": ["Zur Info: Der {desc} für das Staging-Projekt lautet {v}. Bitte nach der Demo rotieren.",
           "Für den Nachtjob verwenden wir vorerst den {desc} {v}, bis das Secret-Management steht."],
    "fr": ["Pour info, le {desc} du projet de recette est {v}, pensez à le renouveler après la démo."],
    "es": ["Para que lo tengas: el {desc} del proyecto de pruebas es {v}; cámbialo después de la demo."],
    "it": ["Per info, il {desc} del progetto di staging è {v}, ricordati di ruotarlo dopo la demo."],
    "nl": ["Ter info: de {desc} voor het stagingproject is {v}, graag na de demo vervangen."],
    "pl": ["Dla informacji: {desc} do projektu testowego to {v}, proszę go zmienić po demo."],
}
MAIL = {
    "en": "Subject: {svc} access for the migration\n\nHi {name2},\n\nas discussed, here is the {desc} for the migration window:\n\n{v}\n\nIt expires on Friday.\n\nCheers,\n{name}",
    "de": "Betreff: Zugang {svc}\n\nHallo {name2},\n\nhier der {desc} für das Staging-System:\n\n{v}\n\nViele Grüße\n{name}",
    "fr": "Objet : accès {svc}\n\nBonjour {name2},\n\nVoici le {desc} pour l'environnement de test :\n{v}\n\nCordialement,\n{name}",
    "es": "Asunto: acceso a {svc}\n\nHola {name2}:\n\nte envío el {desc} para pruebas: {v}\n\nUn saludo,\n{name}",
    "it": "Oggetto: accesso {svc}\n\nCiao {name2},\n\necco il {desc} per l'ambiente di test: {v}\n\nA presto,\n{name}",
    "nl": "Onderwerp: toegang {svc}\n\nHoi {name2},\n\nhierbij de {desc} voor de testomgeving: {v}\n\nGroet,\n{name}",
    "pl": "Temat: dostęp do {svc}\n\nCześć {name2},\n\nprzesyłam {desc} do środowiska testowego: {v}\n\nPozdrawiam,\n{name}",
}


def _fill(t, s, v):
    return (t.replace("{name2}", R.choice(NAMES)).replace("{name}", R.choice(NAMES)).replace("{hh}", "%02d:%02d" % (R.randint(7, 19), R.randint(0, 59)))
            .replace("{svc}", s["svc"]).replace("{desc}", s["desc"]).replace("{v}", v))


def w_chat(s, v):
    return _fill(R.choice(CHAT[R.choice(list(CHAT))]), s, v)


def w_prose(s, v):
    return _fill(R.choice(PROSE[R.choice(list(PROSE))]), s, v)


def w_mail(s, v):
    return _fill(MAIL[R.choice(list(MAIL))], s, v)


def w_curl(s, v):
    h = s["hdr"].replace("{v}", v)
    return "$ curl -sS %s'https://%s%s' -H '%s' -H 'Accept: application/json'" % (R.choice(["", "-X POST "]), s["host"], s.get("path") or "/v1/me", h)


def w_http(s, v):
    h = s["hdr"].replace("{v}", v)
    return "%s %s HTTP/1.1\nHost: %s\nUser-Agent: %s\n%s\nAccept: */*\nContent-Length: 0" % (
        R.choice(["GET", "POST"]), (s.get("path") or "/v1/me"), s["host"], R.choice(["python-requests/2.31.0", "axios/1.6.7", "curl/8.5.0", "Go-http-client/1.1"]), h)


def w_py_hdr(s, v):
    n, val = s["hdr"].split(": ", 1)
    return 'resp = requests.get(\n    "https://%s%s",\n    headers={"%s": "%s"},\n    timeout=10,\n)\nresp.raise_for_status()' % (s["host"], (s.get("path") or "/v1/me"), n, val.replace("{v}", v))


def w_js_hdr(s, v):
    n, val = s["hdr"].split(": ", 1)
    return "const res = await fetch('https://%s%s', {\n  headers: { '%s': '%s' },\n});" % (s["host"], (s.get("path") or "/v1/me"), n, val.replace("{v}", v))


def w_log_hdr(s, v):
    h = s["hdr"].replace("{v}", v)
    return "%s DEBUG urllib3.connectionpool > %s %s\n> Host: %s\n> %s" % (ts(), R.choice(["GET", "POST"]), (s.get("path") or "/v1/me"), s["host"], h)


GENERIC = [w_env, w_export, w_yaml, w_json_result, w_json_nested, w_toml, w_ini, w_py, w_js, w_go, w_java, w_tf, w_k8s, w_gha,
           w_compose, w_logfmt, w_jsonlog, w_syslog, w_trace, w_sql, w_csv, w_md, w_chat, w_prose, w_mail]
HDRW = [w_curl, w_http, w_py_hdr, w_js_hdr, w_log_hdr]


def S(label, gen, n, svc, desc, vars_, key, host=None, path=None, hdr=None, cli=None, custom=None, only=None):
    slug = svc.lower().replace(" ", "-")
    cls = "".join(p.capitalize() for p in svc.replace("-", " ").split())
    return dict(label=label, gen=gen, n=n, svc=svc, desc=desc, vars=vars_, key=key, host=host or "api.%s.com" % slug.replace("-", ""),
                path=path, hdr=hdr, cli=cli, custom=custom, only=only, slug=slug, cls=cls)


SPECS = [
    S("GitHub Token", g_github, 5, "GitHub", "GitHub token", ["GITHUB_TOKEN", "GH_TOKEN"], "token", "api.github.com", "/repos/acme/api/actions/runs",
      "Authorization: token {v}", ["gh auth login --with-token <<< {v}", "echo {v} | docker login ghcr.io -u acme-ci --password-stdin"]),
    S("GitLab Token", g_gitlab, 3, "GitLab", "GitLab token", ["GITLAB_TOKEN", "CI_JOB_TOKEN_OVERRIDE"], "private_token", "gitlab.com", "/api/v4/projects",
      "PRIVATE-TOKEN: {v}"),
    S("Slack Token", g_slack, 3, "Slack", "Slack bot token", ["SLACK_BOT_TOKEN", "SLACK_TOKEN"], "bot_token", "slack.com", "/api/chat.postMessage",
      "Authorization: Bearer {v}"),
    S("Slack Webhook", g_slack_hook, 2, "Slack", "Slack webhook", ["SLACK_WEBHOOK_URL"], "webhook_url",
      cli=["curl -X POST -H 'Content-type: application/json' --data '{\"text\":\"Deploy finished\"}' {v}"]),
    S("OpenAI API Key", g_openai, 4, "OpenAI", "OpenAI key", ["OPENAI_API_KEY"], "api_key", "api.openai.com", "/v1/chat/completions",
      "Authorization: Bearer {v}", custom=["from openai import OpenAI\n\nclient = OpenAI(api_key=\"{v}\")\nresp = client.chat.completions.create(model=\"gpt-4o-mini\", messages=msgs)"]),
    S("Anthropic API Key", g_anthropic, 3, "Anthropic", "Anthropic API key", ["ANTHROPIC_API_KEY"], "api_key", "api.anthropic.com", "/v1/messages",
      "x-api-key: {v}"),
    S("Hugging Face Token", g_hf, 2, "HuggingFace", "Hugging Face token", ["HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"], "token", "huggingface.co", "/api/whoami-v2",
      "Authorization: Bearer {v}", ["huggingface-cli login --token {v}"]),
    S("AWS Access Key", g_aws_ak, 4, "AWS", "AWS access key id", ["AWS_ACCESS_KEY_ID"], "aws_access_key_id",
      custom=["$ cat ~/.aws/config\n[profile deploy]\nregion = eu-central-1\naws_access_key_id = {v}\noutput = json",
              "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid. (AccessKeyId: {v})"]),
    S("AWS Secret Key", g_aws_sk, 3, "AWS", "AWS secret access key", ["AWS_SECRET_ACCESS_KEY"], "aws_secret_access_key",
      custom=["[default]\nregion = eu-west-1\naws_secret_access_key = {v}"], only=[w_env, w_export, w_yaml, w_json_result, w_k8s, w_gha, w_compose, w_ini]),
    S("AWS Session Token", g_aws_st, 2, "AWS", "AWS session token", ["AWS_SESSION_TOKEN"], "aws_session_token",
      custom=["[tmp-sso]\nregion = eu-central-1\naws_session_token = {v}", "{\"Credentials\": {\"SessionToken\": \"{v}\", \"Expiration\": \"2024-06-03T18:22:41+00:00\"}}"],
      only=[w_env, w_export, w_json_result]),
    S("Google API Key", g_gapi, 3, "Google Maps", "Google Maps API key", ["GOOGLE_MAPS_API_KEY", "GOOGLE_API_KEY"], "api_key",
      cli=["curl 'https://maps.googleapis.com/maps/api/geocode/json?address=Alexanderplatz+1+Berlin&key={v}'"],
      custom=["<script async src=\"https://maps.googleapis.com/maps/api/js?key={v}&callback=initMap\"></script>"]),
    S("Google OAuth Token", g_gtok, 2, "Google", "Google access token", ["GOOGLE_ACCESS_TOKEN"], "access_token", "www.googleapis.com", "/drive/v3/files",
      "Authorization: Bearer {v}"),
    S("Google OAuth Secret", g_gsec, 2, "Google OAuth", "OAuth client secret", ["GOOGLE_CLIENT_SECRET"], "client_secret",
      custom=["{\"installed\":{\"client_id\":\"{n}839201-k2v9d8s7a6b5c4.apps.googleusercontent.com\",\"project_id\":\"crm-sync-4821\",\"auth_uri\":\"https://accounts.google.com/o/oauth2/auth\",\"token_uri\":\"https://oauth2.googleapis.com/token\",\"client_secret\":\"{v}\",\"redirect_uris\":[\"http://localhost\"]}}"]),
    S("Mailgun API Key", g_mailgun, 2, "Mailgun", "Mailgun key", ["MAILGUN_API_KEY"], "api_key",
      cli=["curl -s --user 'api:{v}' https://api.eu.mailgun.net/v3/mg.shop-weber.de/messages -F template=order-confirmation"]),
    S("Mailchimp API Key", g_mailchimp, 2, "Mailchimp", "Mailchimp API key", ["MAILCHIMP_API_KEY"], "api_key"),
    S("SendGrid API Key", g_sendgrid, 2, "SendGrid", "SendGrid key", ["SENDGRID_API_KEY"], "api_key", "api.sendgrid.com", "/v3/mail/send",
      "Authorization: Bearer {v}"),
    S("npm Token", g_npm, 2, "npm", "npm token", ["NPM_TOKEN"], "authToken",
      custom=["$ cat ~/.npmrc\n//registry.npmjs.org/:_authToken={v}\nalways-auth=true"]),
    S("PyPI Token", g_pypi, 2, "PyPI", "PyPI token", ["TWINE_PASSWORD", "PYPI_API_TOKEN"], "password",
      custom=["[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = __token__\npassword = {v}"]),
    S("DigitalOcean Token", g_do, 2, "DigitalOcean", "DigitalOcean token", ["DIGITALOCEAN_TOKEN", "DO_TOKEN"], "token", "api.digitalocean.com", "/v2/droplets",
      "Authorization: Bearer {v}", ["doctl auth init --access-token {v}"]),
    S("Twilio API Key", g_twilio_sk, 2, "Twilio", "Twilio API key SID", ["TWILIO_API_KEY"], "api_key_sid"),
    S("Twilio Auth Token", g_twilio_auth, 2, "Twilio", "Twilio auth token", ["TWILIO_AUTH_TOKEN"], "twilio_auth_token",
      only=[w_env, w_yaml, w_json_result, w_k8s, w_compose, w_py, w_export]),
    S("Shopify Token", g_shopify, 2, "Shopify", "Shopify Admin API token", ["SHOPIFY_ACCESS_TOKEN"], "access_token", "acme-store.myshopify.com",
      "/admin/api/2024-01/orders.json", "X-Shopify-Access-Token: {v}"),
    S("Square Token", g_square, 2, "Square", "Square access token", ["SQUARE_ACCESS_TOKEN"], "access_token", "connect.squareup.com", "/v2/payments",
      "Authorization: Bearer {v}"),
    S("Stripe Secret Key", g_stripe, 3, "Stripe", "Stripe secret key", ["STRIPE_SECRET_KEY", "STRIPE_API_KEY"], "secret_key", "api.stripe.com", "/v1/charges",
      "Authorization: Bearer {v}", ["curl https://api.stripe.com/v1/customers -u {v}: -d limit=3"]),
    S("Stripe Webhook Secret", g_whsec, 2, "Stripe", "Stripe webhook signing secret", ["STRIPE_WEBHOOK_SECRET"], "webhook_secret",
      custom=["event = stripe.Webhook.construct_event(payload, sig_header, \"{v}\")"]),
    S("Telegram Bot Token", g_telegram, 2, "Telegram", "Telegram bot token", ["TELEGRAM_BOT_TOKEN"], "bot_token",
      cli=["curl -s 'https://api.telegram.org/bot{v}/sendMessage' -d chat_id=-100{n}2281 -d text='backup ok'"]),
    S("Discord Bot Token", g_discord_bot, 2, "Discord", "Discord bot token", ["DISCORD_TOKEN", "DISCORD_BOT_TOKEN"], "bot_token", "discord.com",
      "/api/v10/users/@me", "Authorization: Bot {v}", custom=["import discord\n\nclient = discord.Client(intents=discord.Intents.default())\nclient.run(\"{v}\")"]),
    S("Discord Webhook", g_discord_hook, 2, "Discord", "Discord webhook", ["DISCORD_WEBHOOK_URL"], "webhook_url",
      cli=["curl -H 'Content-Type: application/json' -d '{\"content\":\"nightly build failed\"}' {v}"]),
    S("Docker Hub Token", g_docker, 2, "Docker Hub", "Docker Hub access token", ["DOCKERHUB_TOKEN", "DOCKER_PASSWORD"], "token",
      cli=["docker login -u acmebuild -p {v}", "echo {v} | docker login --username acmebuild --password-stdin"]),
    S("Databricks Token", g_databricks, 2, "Databricks", "Databricks PAT", ["DATABRICKS_TOKEN"], "token",
      custom=["[DEFAULT]\nhost  = https://adb-{n}4419201772.3.azuredatabricks.net\ntoken = {v}"]),
    S("Datadog API Key", g_datadog, 2, "Datadog", "Datadog API key", ["DD_API_KEY", "DATADOG_API_KEY"], "api_key", "api.datadoghq.eu", "/api/v1/validate",
      "DD-API-KEY: {v}", only=[w_env, w_k8s, w_compose, w_yaml, w_curl, w_http]),
    S("Grafana Token", g_grafana, 2, "Grafana", "Grafana service account token", ["GRAFANA_TOKEN", "GRAFANA_API_KEY"], "token", "grafana.acme-intern.de",
      "/api/dashboards/uid/node-exporter", "Authorization: Bearer {v}"),
    S("Groq API Key", g_groq, 2, "Groq", "Groq API key", ["GROQ_API_KEY"], "api_key", "api.groq.com", "/openai/v1/chat/completions", "Authorization: Bearer {v}"),
    S("xAI API Key", g_xai, 2, "xAI", "xAI key", ["XAI_API_KEY"], "api_key", "api.x.ai", "/v1/chat/completions", "Authorization: Bearer {v}"),
    S("Perplexity API Key", g_pplx, 2, "Perplexity", "Perplexity API key", ["PERPLEXITY_API_KEY", "PPLX_API_KEY"], "api_key", "api.perplexity.ai",
      "/chat/completions", "Authorization: Bearer {v}"),
    S("Replicate Token", g_replicate, 2, "Replicate", "Replicate API token", ["REPLICATE_API_TOKEN"], "api_token", "api.replicate.com", "/v1/predictions",
      "Authorization: Bearer {v}"),
    S("Linear API Key", g_linear, 2, "Linear", "Linear API key", ["LINEAR_API_KEY"], "api_key", "api.linear.app", "/graphql", "Authorization: {v}"),
    S("Notion Token", g_notion, 2, "Notion", "Notion integration token", ["NOTION_TOKEN", "NOTION_API_KEY"], "token", "api.notion.com", "/v1/databases/query",
      "Authorization: Bearer {v}"),
    S("Postman API Key", g_postman, 2, "Postman", "Postman API key", ["POSTMAN_API_KEY"], "api_key", "api.getpostman.com", "/collections", "X-Api-Key: {v}"),
    S("Okta API Token", g_okta, 2, "Okta", "Okta API token", ["OKTA_API_TOKEN", "OKTA_CLIENT_TOKEN"], "okta_api_token", "acme.okta.com", "/api/v1/users?limit=25",
      "Authorization: SSWS {v}", only=[w_env, w_curl, w_http, w_yaml, w_py_hdr]),
    S("Vault Token", g_vault, 2, "Vault", "Vault token", ["VAULT_TOKEN"], "token", "vault.acme-intern.de:8200", "/v1/secret/data/payments",
      "X-Vault-Token: {v}", ["vault login {v}"]),
    S("Terraform Cloud Token", g_tfc, 2, "Terraform Cloud", "Terraform Cloud token", ["TF_TOKEN_app_terraform_io", "TFE_TOKEN"], "token",
      custom=["$ cat ~/.terraform.d/credentials.tfrc.json\n{\n  \"credentials\": {\n    \"app.terraform.io\": {\n      \"token\": \"{v}\"\n    }\n  }\n}"]),
    S("Sentry Token", g_sentry, 2, "Sentry", "Sentry auth token", ["SENTRY_AUTH_TOKEN"], "token", custom=["$ cat .sentryclirc\n[auth]\ntoken={v}\n\n[defaults]\norg=acme\nproject=webshop"]),
    S("RubyGems API Key", g_rubygems, 2, "RubyGems", "RubyGems API key", ["GEM_HOST_API_KEY"], "rubygems_api_key",
      custom=["$ cat ~/.gem/credentials\n---\n:rubygems_api_key: {v}"]),
    S("NuGet API Key", g_nuget, 2, "NuGet", "NuGet API key", ["NUGET_API_KEY"], "api_key",
      cli=["dotnet nuget push bin/Release/Acme.Core.3.2.0.nupkg --api-key {v} --source https://api.nuget.org/v3/index.json"]),
    S("Heroku API Key", g_heroku, 2, "Heroku", "Heroku API key", ["HEROKU_API_KEY"], "heroku_api_key", "api.heroku.com", "/apps",
      "Authorization: Bearer {v}", only=[w_env, w_export, w_gha, w_curl]),
    S("Cloudflare API Token", g_cloudflare, 2, "Cloudflare", "Cloudflare API token", ["CLOUDFLARE_API_TOKEN", "CF_API_TOKEN"], "cloudflare_api_token",
      "api.cloudflare.com", "/client/v4/user/tokens/verify", "Authorization: Bearer {v}", only=[w_env, w_export, w_curl, w_tf, w_gha]),
    S("Atlassian API Token", g_atlassian, 2, "Jira", "Atlassian API token", ["JIRA_API_TOKEN", "ATLASSIAN_API_TOKEN"], "api_token"),
    S("Azure AD Client Secret", g_azure_ad, 2, "Azure AD", "client secret", ["AZURE_CLIENT_SECRET"], "client_secret",
      cli=["az login --service-principal -u {uuid} -p '{v}' --tenant {uuid}"]),
    S("Azure DevOps Token", g_azdo, 2, "Azure DevOps", "Azure DevOps PAT", ["AZURE_DEVOPS_EXT_PAT", "AZDO_PERSONAL_ACCESS_TOKEN"], "azure_devops_pat",
      cli=["echo {v} | az devops login --organization https://dev.azure.com/contoso-gmbh"], only=[w_env, w_export, w_gha, w_yaml]),
    S("Azure SAS Token", g_azure_sas, 2, "Azure Blob", "SAS token", ["AZURE_STORAGE_SAS_TOKEN", "EXPORT_SAS_URL"], "sas",
      only=[w_env, w_json_result, w_logfmt, w_chat, w_py, w_yaml]),
    S("Azure Storage Key", g_azure_storage, 2, "Azure Storage", "storage account key", ["AZURE_STORAGE_CONNECTION_STRING", "AZURE_STORAGE_KEY"], "account_key",
      only=[w_env, w_json_result, w_k8s, w_yaml, w_compose]),
    S("Bitbucket Token", g_bitbucket, 2, "Bitbucket", "Bitbucket access token", ["BITBUCKET_ACCESS_TOKEN"], "access_token", "api.bitbucket.org",
      "/2.0/repositories/acme", "Authorization: Bearer {v}"),
    S("Alibaba Cloud Key", g_alibaba, 2, "Alibaba Cloud", "AccessKey ID", ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY"], "access_key_id",
      cli=["aliyun configure set --profile prod --mode AK --region cn-hangzhou --access-key-id {v}"]),
    S("Facebook Access Token", g_facebook, 2, "Facebook", "page access token", ["FB_PAGE_ACCESS_TOKEN"], "access_token",
      cli=["curl -G 'https://graph.facebook.com/v19.0/me/accounts' -d 'access_token={v}'"]),
    S("Microsoft Teams Webhook", g_teams, 2, "Microsoft Teams", "Teams webhook", ["TEAMS_WEBHOOK_URL"], "webhook_url",
      cli=["curl -H 'Content-Type: application/json' -d '{\"text\":\"Release 4.2 deployed\"}' '{v}'"]),
    S("New Relic Key", g_newrelic, 2, "New Relic", "New Relic user key", ["NEW_RELIC_API_KEY", "NEW_RELIC_LICENSE_KEY"], "api_key", "api.eu.newrelic.com",
      "/graphql", "API-Key: {v}"),
    S("PayPal Braintree Token", g_braintree, 2, "Braintree", "Braintree access token", ["BRAINTREE_ACCESS_TOKEN"], "access_token",
      custom=["gateway = braintree.BraintreeGateway(access_token=\"{v}\")"]),
    S("JSON Web Token", g_jwt, 4, "Auth", "JWT", ["ID_TOKEN", "SESSION_JWT"], "id_token", "api.acme-cloud.io", "/v2/orders",
      "Authorization: Bearer {v}", custom=["GET /account HTTP/1.1\nHost: portal.acme-cloud.io\nCookie: theme=dark; session={v}\nAccept: text/html"],
      only=[w_curl, w_json_result, w_jsonlog, w_chat, w_js_hdr]),
    S("Bearer Token", g_bearer, 3, "Internal API", "bearer token", ["API_BEARER"], "bearer", "api.lagerhaus-weber.de", "/v1/shipments",
      "Authorization: Bearer {v}", only=HDRW),
    S("API Key", g_apikey, 5, "Weatherstack", "API key", ["WEATHER_API_KEY", "SHIPCLOUD_API_KEY", "GEOCODER_API_KEY"], "api_key", "api.shipfast-logistics.io",
      "/v2/quotes", "X-API-Key: {v}", only=[w_env, w_curl, w_yaml, w_py, w_json_nested, w_http, w_js]),
    S("Password", g_password, 7, "Postgres", "password", ["DB_PASSWORD", "POSTGRES_PASSWORD", "SMTP_PASSWORD", "MYSQL_ROOT_PASSWORD", "REDIS_PASSWORD"],
      "password", cli=["mysql -h db01.intern -u root -p'{v}' shop", "PGPASSWORD='{v}' psql -h 10.0.4.12 -U app orders", "sshpass -p '{v}' ssh -l deploy 10.0.4.12"],
      custom=["Das Passwort für den WLAN-Router im Lager lautet {v}", "Mot de passe du compte admin : {v}", "spring.datasource.username=erp\nspring.datasource.password={v}",
              "La contraseña del servidor FTP es {v}"],
      only=[w_env, w_yaml, w_json_result, w_k8s, w_compose, w_ini, w_toml, w_chat]),
    S("Database URL With Password", db_url, 5, "Database", "connection string", ["DATABASE_URL", "SQLALCHEMY_DATABASE_URI", "MONGO_URI"], "url",
      only=[w_env, w_yaml, w_json_result, w_k8s, w_compose, w_py, w_logfmt, w_trace, w_chat, w_tf]),
    S("URL With Credentials", url_creds, 4, "Nexus", "URL", ["MAVEN_REPO_URL", "HTTPS_PROXY", "BACKUP_TARGET"], "url",
      custom=["$ git clone {v}\nCloning into 'repo'...", "pip install --index-url {v} acme-core==2.1.0"],
      only=[w_env, w_yaml, w_logfmt, w_chat, w_prose]),
]

PROVIDER_TYPICAL = {w_env, w_export, w_json_result, w_json_nested, w_yaml, w_py, w_js, w_k8s, w_gha, w_compose}


def gen_secret_cases():
    out = []
    for s in SPECS:
        if s["only"] is not None:
            pool = list(s["only"])
        else:
            pool = list(GENERIC)
            if s["hdr"]:
                pool += HDRW
        R.shuffle(pool)
        first = []
        if s["custom"]:
            first.append(w_custom)
        if s["cli"]:
            first.append(w_cli)
        if s["hdr"] and s["only"] is None:
            first.append(R.choice([w_curl, w_http]))
        seq = first + [w for w in pool if w not in first]
        for i in range(s["n"]):
            w = seq[i % len(seq)]
            v = s["gen"]()
            text = w(s, v)
            assert v in text, (s["label"], w.__name__)
            out.append((s["label"], text))
    return out


# ---------------------------------------------------------------- special secrets
def pem(kind):
    if kind == "RSA":
        h, body, w = "RSA PRIVATE KEY", "MIIEowIBAAKCAQEA" + rs(1560, B64), 64
    elif kind == "PKCS8":
        h, body, w = "PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ" + rs(1540, B64), 64
    elif kind == "EC":
        h, body, w = "EC PRIVATE KEY", "MHcCAQEEI" + rs(146, B64) + "==", 64
    else:
        h, body, w = "OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACD" + rs(300, B64) + "=", 70
    lines = [body[i:i + w] for i in range(0, len(body), w)]
    return "-----BEGIN %s-----\n%s\n-----END %s-----" % (h, "\n".join(lines), h)


def pgp():
    body = "lQOYBGX" + rs(900, B64)
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n%s\n=%s\n-----END PGP PRIVATE KEY BLOCK-----" % ("\n".join(lines), rs(4, B64))


def special_secret_cases():
    out = []
    out.append(("Private Key", "$ cat ~/.ssh/id_rsa\n" + pem("RSA")))
    out.append(("Private Key", json.dumps({"tool": "read_file", "path": "/home/ci/.ssh/id_ed25519", "content": pem("OPENSSH") + "\n"})))
    k = pem("EC").replace("\n", "\n    ")
    out.append(("Private Key", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ingress-tls\ntype: kubernetes.io/tls\nstringData:\n  tls.key: |\n    " + k))
    out.append(("Private Key", 'resource "tls_locally_signed_cert" "svc" {\n  ca_private_key_pem = <<EOT\n' + pem("PKCS8") + "\nEOT\n}"))
    out.append(("Private Key", "Hallo Sven,\n\nanbei mein privater Schlüssel für die Signatur der Release-Tags (bitte sicher ablegen):\n\n" + pgp() + "\n\nGruß\nKasia"))
    # GCP service account key
    for i in range(3):
        proj = R.choice(["crm-sync-%d" % R.randint(1000, 9999), "acme-data-prod", "nordwind-bi-%d" % R.randint(100, 999)])
        sa = {"type": "service_account", "project_id": proj, "private_key_id": hx(40),
              "private_key": pem("PKCS8") + "\n",
              "client_email": "%s@%s.iam.gserviceaccount.com" % (R.choice(["bq-loader", "terraform", "gcs-writer"]), proj),
              "client_id": dg(21), "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token",
              "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs"}
        if i == 0:
            out.append(("GCP Service Account Key", "$ cat sa-key.json\n" + json.dumps(sa, indent=2)))
        elif i == 1:
            out.append(("GCP Service Account Key", json.dumps({"ok": True, "result": {"secret": "gcp-sa", "value": json.dumps(sa)}})))
        else:
            out.append(("GCP Service Account Key", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: gcp-credentials\nstringData:\n  key.json: '" + json.dumps(sa) + "'"))
    return out


# ---------------------------------------------------------------- PII generators
def g_iban(cc):
    d = dg
    bb = {
        "DE": lambda: d(8) + d(10), "FR": lambda: d(10) + d(11) + d(2), "GB": lambda: R.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + d(14),
        "ES": lambda: d(20), "IT": lambda: R.choice(UP) + d(10) + d(12), "NL": lambda: R.choice(["ABNA", "INGB", "RABO", "TRIO", "SNSB"]) + d(10),
        "AT": lambda: d(16), "CH": lambda: d(17), "PL": lambda: d(24), "PT": lambda: d(21), "IE": lambda: R.choice(["AIBK", "BOFI"]) + d(14),
        "SE": lambda: d(20), "DK": lambda: d(14), "FI": lambda: d(14), "NO": lambda: d(11), "LU": lambda: d(16), "CZ": lambda: d(20),
        "RO": lambda: R.choice(["RNCB", "BTRL", "BRDE"]) + d(16),
    }
    if cc == "BE":
        first = d(10)
        c = int(first) % 97 or 97
        bban = first + "%02d" % c
    else:
        bban = bb[cc]()
    return cc + iban_check(cc, bban) + bban


def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def g_card(brand):
    if brand == "visa":
        return luhn_full(R.choice(["4539", "4716", "4929", "4485", "4024"]), 16)
    if brand == "mc":
        return luhn_full(str(R.randint(51, 55)), 16)
    if brand == "mc2":
        return luhn_full(str(R.randint(2221, 2720)), 16)
    if brand == "amex":
        return luhn_full(R.choice(["34", "37"]), 15)
    if brand == "disc":
        return luhn_full(R.choice(["6011", "65"]), 16)
    if brand == "jcb":
        return luhn_full(str(R.randint(3528, 3589)), 16)
    if brand == "diners":
        return luhn_full("36", 14)
    if brand == "cup":
        return luhn_full("62" + str(R.randint(1, 9)), R.choice([16, 19]))
    raise ValueError(brand)


def luhn_full(prefix, length):
    body = prefix + dg(length - len(prefix) - 1)
    return body + luhn_digit(body)


def fmt_card(n, sep):
    if sep == "":
        return n
    if len(n) == 15:
        parts = [n[:4], n[4:10], n[10:]]
    elif len(n) == 14:
        parts = [n[:4], n[4:10], n[10:]]
    else:
        parts = [n[i:i + 4] for i in range(0, len(n), 4)]
    return sep.join(parts)


def steuer_id():
    while True:
        dup = R.randint(0, 9)
        miss = R.choice([x for x in range(10) if x != dup])
        pool = [x for x in range(10) if x != miss] + [dup]
        R.shuffle(pool)
        if pool[0] == 0:
            continue
        prod = 10
        for x in pool:
            sm = (x + prod) % 10
            if sm == 0:
                sm = 10
            prod = (sm * 2) % 11
        c = 11 - prod
        if c == 10:
            c = 0
        return "".join(map(str, pool)) + str(c)


def nir():
    sex = R.choice("12")
    yy = R.randint(55, 99)
    mm = R.randint(1, 12)
    dept = R.choice(["75", "69", "13", "33", "59", "31", "44", "67", "35"])
    com = R.randint(1, 899)
    order = R.randint(1, 999)
    n = "%s%02d%02d%s%03d%03d" % (sex, yy, mm, dept, com, order)
    key = 97 - int(n) % 97
    return "%s %02d %02d %s %03d %03d %02d" % (sex, yy, mm, dept, com, order, key), n + "%02d" % key


CF_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                  [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]))


def cf_even(c):
    return int(c) if c.isdigit() else ord(c) - 65


def _cons(s):
    return [c for c in s if c not in "AEIOU"], [c for c in s if c in "AEIOU"]


def codice_fiscale():
    sur = R.choice(["ROSSI", "BIANCHI", "ESPOSITO", "COLOMBO", "RICCI", "MARINO", "GRECO", "BRUNO", "GALLO", "CONTI"])
    name, fem = R.choice([("MARCO", 0), ("GIULIA", 1), ("LUCA", 0), ("FRANCESCA", 1), ("ALESSANDRO", 0), ("CHIARA", 1)])
    c, v = _cons(sur)
    s3 = (c + v + ["X"] * 3)[:3]
    c, v = _cons(name)
    n3 = [c[0], c[2], c[3]] if len(c) >= 4 else (c + v + ["X"] * 3)[:3]
    yy = "%02d" % R.randint(50, 99)
    mm = "ABCDEHLMPRST"[R.randint(0, 11)]
    dd = "%02d" % (R.randint(1, 28) + 40 * fem)
    town = R.choice(["H501", "F205", "F839", "L219", "G273", "A662", "D612", "C351"])
    b = "".join(s3 + n3) + yy + mm + dd + town
    tot = sum(CF_ODD[ch] if i % 2 == 0 else cf_even(ch) for i, ch in enumerate(b))
    return b + chr(65 + tot % 26)


DNI_L = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni():
    n = R.randint(10000000, 79999999)
    return "%08d%s" % (n, DNI_L[n % 23])


def nie():
    p = R.randint(0, 2)
    n = R.randint(0, 9999999)
    return "%s%07d%s" % ("XYZ"[p], n, DNI_L[int("%d%07d" % (p, n)) % 23])


def bsn():
    while True:
        d = [R.randint(0, 9) for _ in range(8)]
        d[0] = R.randint(1, 6)
        c = sum(d[i] * (9 - i) for i in range(8)) % 11
        if c < 10:
            return "".join(map(str, d)) + str(c)


def pesel():
    y = R.randint(1950, 2008)
    m = R.randint(1, 12) + (20 if y >= 2000 else 0)
    dd = R.randint(1, 28)
    b = "%02d%02d%02d%s" % (y % 100, m, dd, dg(4))
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    c = (10 - sum(int(b[i]) * w[i] for i in range(10)) % 10) % 10
    return b + str(c)


def personnummer():
    b = "%02d%02d%02d%s" % (R.randint(50, 99), R.randint(1, 12), R.randint(1, 28), dg(3))
    s = 0
    for i, ch in enumerate(b):
        x = int(ch) * (2 if i % 2 == 0 else 1)
        s += x // 10 + x % 10
    c = (10 - s % 10) % 10
    return b[:6] + "-" + b[6:] + str(c)


def hetu():
    dd, mm = R.randint(1, 28), R.randint(1, 12)
    yy = R.randint(0, 99)
    sep = "-" if yy > 5 else "A"
    nnn = R.randint(2, 899)
    base = "%02d%02d%02d" % (dd, mm, yy)
    c = "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(base + "%03d" % nnn) % 31]
    return "%s%s%03d%s" % (base, sep, nnn, c)


def cpr():
    w = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]
    while True:
        b = "%02d%02d%02d%s" % (R.randint(1, 28), R.randint(1, 12), R.randint(50, 99), dg(3))
        s = sum(int(b[i]) * w[i] for i in range(9))
        last = (-s) % 11
        if last < 10:
            full = b + str(last)
            return full[:6] + "-" + full[6:]


def cnp():
    w = "279146358279"
    b = "%s%02d%02d%02d%02d%03d" % (R.choice("12"), R.randint(50, 99), R.randint(1, 12), R.randint(1, 28), R.randint(1, 46), R.randint(1, 999))
    c = sum(int(b[i]) * int(w[i]) for i in range(12)) % 11
    return b + str(1 if c == 10 else c)


def be_nn():
    b = "%02d%02d%02d%03d" % (R.randint(50, 99), R.randint(1, 12), R.randint(1, 28), R.randint(1, 997))
    c = 97 - int(b) % 97
    return "%s.%s.%s-%s.%02d" % (b[:2], b[2:4], b[4:6], b[6:9], c)


def pt_nif():
    b = R.choice("12") + dg(7)
    s = sum(int(b[i]) * (9 - i) for i in range(8))
    r = s % 11
    return b + str(0 if r < 2 else 11 - r)


def nino():
    while True:
        p = R.choice("ABCEGHJKLMNOPRSTWXYZ") + R.choice("ABCEGHJKLMNPRSTWXYZ")
        if p not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
            break
    d = dg(6)
    return "%s %s %s %s %s" % (p, d[:2], d[2:4], d[4:], R.choice("ABCD"))


def ssn():
    while True:
        a = R.randint(1, 899)
        if a != 666:
            break
    return "%03d-%02d-%04d" % (a, R.randint(1, 99), R.randint(1, 9999))


def ein():
    return "%02d-%s" % (R.choice([12, 20, 27, 45, 46, 52, 54, 61, 68, 74, 81, 84, 86, 91, 94]), dg(7))


def itin():
    return "9%02d-%02d-%04d" % (R.randint(0, 99), R.choice(list(range(70, 89)) + [90, 91, 92] + list(range(94, 100))), R.randint(1, 9999))


def kvnr():
    L = R.choice(UP)
    n = ord(L) - 64
    body = [R.randint(0, 9) for _ in range(8)]
    digs = [n // 10, n % 10] + body
    s = 0
    for i, x in enumerate(digs):
        p = x * (1 if i % 2 == 0 else 2)
        s += p // 10 + p % 10
    return L + "".join(map(str, body)) + str(s % 10)


def npi():
    b = R.choice("12") + dg(8)
    return b + luhn_digit("80840" + b)


def mbi():
    A = "ACDEFGHJKMNPQRTUVWXY"
    AN = A + DIG
    s = R.choice("123456789") + R.choice(A) + R.choice(AN) + R.choice(DIG) + R.choice(A) + R.choice(AN) + R.choice(DIG) + R.choice(A) + R.choice(A) + R.choice(DIG) + R.choice(DIG)
    return s[:4] + "-" + s[4:7] + "-" + s[7:] if R.random() < 0.5 else s


def nhs():
    while True:
        b = str(R.randint(4, 7)) + dg(8)
        s = sum(int(b[i]) * (10 - i) for i in range(9))
        c = 11 - s % 11
        if c == 11:
            c = 0
        if c != 10:
            n = b + str(c)
            return "%s %s %s" % (n[:3], n[3:6], n[6:])


def aba():
    while True:
        pre = R.choice(list(range(1, 13)) + list(range(21, 33)))
        d = [pre // 10, pre % 10] + [R.randint(0, 9) for _ in range(6)]
        s = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5])
        c = (10 - s % 10) % 10
        return "".join(map(str, d)) + str(c)


def phone(cc):
    d = dg
    if cc == "US":
        a, e, l = "%d%s" % (R.randint(2, 9), d(2)), "%d%s" % (R.randint(2, 9), d(2)), d(4)
        return R.choice(["+1 %s-%s-%s" % (a, e, l), "(%s) %s-%s" % (a, e, l), "+1%s%s%s" % (a, e, l), "001 %s %s %s" % (a, e, l)])
    if cc == "DE":
        m = R.choice(["151", "160", "170", "176", "157"]) + d(R.choice([7, 8]))
        return R.choice(["+49 %s %s" % (m[:3], m[3:]), "0%s %s" % (m[:3], m[3:]), "+49 (0)30 %s" % d(8), "0049 89 %s" % d(7)])
    if cc == "FR":
        n = R.choice("67") + d(8)
        return R.choice(["+33 %s %s %s %s %s" % (n[0], n[1:3], n[3:5], n[5:7], n[7:]), "0%s %s %s %s %s" % (n[0], n[1:3], n[3:5], n[5:7], n[7:]),
                         "0033 1 %s %s %s %s" % (d(2), d(2), d(2), d(2))])
    if cc == "GB":
        return R.choice(["+44 7%s %s" % (d(3), d(6)), "07%s %s" % (d(3), d(6)), "+44 20 %s %s" % (d(4), d(4))])
    if cc == "ES":
        return R.choice(["+34 6%s %s %s" % (d(2), d(3), d(3)), "6%s %s %s %s" % (d(2), d(2), d(2), d(2))])
    if cc == "IT":
        return R.choice(["+39 3%s %s %s" % (d(2), d(3), d(4)), "3%s %s" % (d(2), d(7)), "+39 06 %s %s" % (d(4), d(4))])
    if cc == "NL":
        return R.choice(["+31 6 %s" % d(8), "06-%s" % d(8), "0031 20 %s %s" % (d(3), d(4))])
    if cc == "PL":
        return R.choice(["+48 5%s %s %s" % (d(2), d(3), d(3)), "5%s-%s-%s" % (d(2), d(3), d(3))])
    if cc == "CH":
        return R.choice(["+41 79 %s %s %s" % (d(3), d(2), d(2)), "079 %s %s %s" % (d(3), d(2), d(2))])
    if cc == "AT":
        return "+43 664 %s" % d(7)
    if cc == "SE":
        return R.choice(["+46 70 %s %s %s" % (d(3), d(2), d(2)), "070-%s %s %s" % (d(3), d(2), d(2))])
    if cc == "BR":
        return "+55 11 9%s-%s" % (d(4), d(4))
    if cc == "IN":
        return "+91 9%s %s" % (d(4), d(5))
    if cc == "JP":
        return "+81 90-%s-%s" % (d(4), d(4))
    if cc == "AU":
        return "+61 4%s %s %s" % (d(2), d(3), d(3))
    raise ValueError(cc)


def pj(obj):
    return json.dumps(obj, ensure_ascii=False)


def pii_cases():
    out = []
    A = out.append
    # ---------------- IBAN
    iban_ctx = {
        "DE": "Bitte überweisen Sie den Rechnungsbetrag bis zum 15.04. auf folgendes Konto:\nKontoinhaber: Müller Haustechnik GmbH\nIBAN: {v}",
        "AT": "Bankverbindung: Raiffeisenbank Tirol, IBAN {v}, Verwendungszweck: Mitgliedsbeitrag 2024",
        "CH": "Zahlbar an: Verein Alpenblick, IBAN {v}",
        "FR": "Merci d'effectuer le virement sur le compte suivant : IBAN {v} (titulaire : SARL Dupont & Fils).",
        "BE": "Gelieve het bedrag te storten op rekening {v} met vermelding van uw klantnummer.",
        "LU": "Coordonnées bancaires — IBAN : {v}",
        "ES": "Datos para la transferencia — IBAN: {v}, titular: Lucía Fernández Ortega.",
        "IT": "Coordinate bancarie per il bonifico: IBAN {v} intestato a Rossi Arredamenti S.r.l.",
        "NL": "Graag het bedrag overmaken naar {v} t.n.v. Stichting De Linde.",
        "PL": "Proszę o przelew na rachunek nr {v} (odbiorca: Jan Nowak), tytułem: faktura 118/2024.",
        "PT": "Pode transferir para o IBAN {v}, obrigado!",
        "GB": "Please pay invoice INV-2291 by bank transfer to IBAN {v} within 30 days.",
        "IE": "Refunds will be sent to the account on file: {v}",
        "SE": "Betalning till konto {v}",
        "DK": "Indbetal venligst til IBAN {v}",
        "FI": "Maksu tilille {v} viimeistään 30.4.",
        "NO": "Kontonummer (IBAN): {v}",
        "CZ": "Číslo účtu IBAN: {v}",
        "RO": "Cont IBAN: {v}",
    }
    ctries = ["DE", "FR", "GB", "ES", "IT", "NL", "BE", "AT", "CH", "PL", "PT", "IE", "SE", "DK", "FI", "NO", "CZ", "RO"]
    for i, cc in enumerate(ctries):
        ib = g_iban(cc)
        assert iban_valid(ib)
        st = i % 4
        v = ib if st == 0 else group4(ib) if st in (1, 2) else ib.lower()
        if st == 3 and R.random() < 0.5:
            v = group4(ib).lower()
        mode = i % 6
        if mode == 3:
            A(("IBAN", pj({"customer_id": "C-%s" % dg(6), "payout": {"method": "sepa", "iban": v, "currency": "EUR"}})))
        elif mode == 5:
            A(("IBAN", "INSERT INTO payees (id, name, iban) VALUES (%d, 'Nordwind Logistik', '%s');" % (R.randint(1, 999), v)))
        else:
            A(("IBAN", iban_ctx[cc].replace("{v}", v)))
    # ---------------- Payment cards
    brands = ["visa", "mc", "mc2", "amex", "disc", "jcb", "diners", "cup", "visa", "mc", "amex", "visa"]
    card_ctx = [
        lambda v: pj({"order_id": "A%s" % dg(7), "payment": {"card_number": v, "exp_month": R.randint(1, 12), "exp_year": 2027, "holder": "K. Nowak"}}),
        lambda v: "%s ERROR payment.gateway charge declined pan=%s amount=129.90 currency=EUR" % (ts(), v),
        lambda v: "Hallo, meine Kreditkartennummer ist %s, gültig bis 08/27. Können Sie die Buchung bitte darüber abwickeln?" % v,
        lambda v: "Bonjour, voici mon numéro de carte : %s (expire 11/26)." % v,
        lambda v: "Número de tarjeta: %s — caduca 03/28" % v,
        lambda v: "INSERT INTO orders (id, customer, card_number, total) VALUES (%d, 'M. Rossi', '%s', 89.00);" % (R.randint(1000, 99999), v),
        lambda v: "order_id,card,amount\n%s,%s,45.20" % (dg(8), v),
        lambda v: "POST /checkout HTTP/1.1\nHost: shop.lagerhaus-weber.de\nContent-Type: application/x-www-form-urlencoded\n\ncc_number=%s&cc_exp=0926&qty=2" % v.replace(" ", ""),
        lambda v: "Numer karty: %s, data ważności 05/27" % v,
        lambda v: "Hi team,\n\nplease charge the client's card for the renewal: %s\n\nThanks,\nAhmed" % v,
        lambda v: "| Kunde | Karte |\n|---|---|\n| B. Janssen | %s |" % v,
        lambda v: "Il numero della carta è %s, scadenza 12/26." % v,
    ]
    for i, b in enumerate(brands):
        n = g_card(b)
        assert luhn_ok(n)
        v = fmt_card(n, ["", " ", "-"][i % 3])
        A(("Payment Card", card_ctx[i](v)))
    # ---------------- Phones
    ph = [
        ("US", "Call me at {v} after 5pm ET."), ("US", "{v}"), ("DE", "Tel.: {v}"), ("DE", "Mobil {v} – erreichbar Mo–Fr"),
        ("FR", "Tél. : {v}"), ("FR", "Vous pouvez me joindre au {v}."), ("GB", "Mob: {v}"), ("ES", "Móvil: {v}"),
        ("IT", "Cellulare {v}"), ("NL", "Bel gerust: {v}"), ("PL", "tel. kom. {v}"), ("CH", "Handy {v}"),
        ("SE", "Ring mig på {v}"), ("BR", "WhatsApp {v}"), ("IN", "{v}"), ("JP", "電話: {v}"), ("AU", "ph {v}"), ("AT", "{v}"),
    ]
    for i, (cc, t) in enumerate(ph):
        v = phone(cc)
        if t == "{v}":
            t = R.choice(["BEGIN:VCARD\nVERSION:3.0\nFN:Priya Raman\nTEL;TYPE=CELL:{v}\nEND:VCARD",
                          pj({"contact": {"name": "Dale Whitman", "phone": "{v}"}}),
                          "name,city,contact\nAnna Berger,Graz,{v}"])
        A(("Phone Number", t.replace("{v}", v)))
    # ---------------- Emails
    em = [
        "Bitte schick die Unterlagen an lena.hoffmann@posteo.de, danke!",
        "From: \"Pierre Lambert\" <p.lambert@orange.fr>\nSubject: Re: devis",
        "<a href=\"mailto:support.team@lagerhaus-weber.de\">Kontakt</a>",
        pj({"user": {"id": 48213, "email": "marta.kowalska+newsletter@gmail.com", "plan": "pro"}}),
        "commit 8b1f2c0\nAuthor: Jordan Blake <jordan.blake@nordwind-it.nl>\nDate:   Tue Mar 12 10:41:07 2024 +0100",
        "id,email,signup\n1021,Giulia.Conti@Libero.it,2024-01-17",
        "%s INFO auth login ok user=s.lindqvist@student.kth.se ip=%s" % (ts(), ip()),
        "Escríbeme a carlos_ruiz84@hotmail.es si tienes dudas.",
        "Proszę o kontakt: biuro@kancelaria-zielinski.pl",
    ]
    for t in em:
        A(("Email Address", t))
    # ---------------- National IDs
    sid = steuer_id()
    sid2 = steuer_id()
    nirf, nirc = nir()
    A(("National ID", "Steuerliche Identifikationsnummer: %s %s %s %s" % (sid[:2], sid[2:5], sid[5:8], sid[8:])))
    A(("National ID", pj({"mitarbeiter": {"personalnr": "P-%s" % dg(4), "steuer_id": sid2, "steuerklasse": 1}})))
    A(("National ID", "Numéro de sécurité sociale : %s" % nirf))
    A(("National ID", "INSERT INTO assures (nom, nir) VALUES ('Martin', '%s');" % nirc))
    A(("National ID", "Codice fiscale: %s" % codice_fiscale()))
    A(("National ID", "Il mio codice fiscale è %s, serve per la fattura." % codice_fiscale()))
    A(("National ID", "DNI: %s" % dni()))
    A(("National ID", "Número de identidad de extranjero (NIE): %s" % nie()))
    A(("National ID", "BSN: %s" % bsn()))
    b = bsn()
    A(("National ID", "Mijn burgerservicenummer is %s.%s.%s" % (b[:4], b[4:6], b[6:])))
    A(("National ID", "PESEL: %s" % pesel()))
    A(("National ID", "%s WARN kyc.verify mismatch pesel=%s status=manual_review" % (ts(), pesel())))
    A(("National ID", "Personnummer: %s" % personnummer()))
    A(("National ID", "Henkilötunnus %s" % hetu()))
    A(("National ID", "CPR-nr.: %s" % cpr()))
    A(("National ID", "CNP: %s" % cnp()))
    A(("National ID", "Rijksregisternummer / numéro de registre national : %s" % be_nn()))
    A(("National ID", "NIF (contribuinte): %s" % pt_nif()))
    A(("National ID", "National Insurance number: %s" % nino()))
    n2 = nino().replace(" ", "")
    A(("National ID", "employee_id,nino,start_date\nE1093,%s,2023-09-01" % n2))
    # ---------------- SSN
    for t in ["SSN: {v}", "Please verify the applicant's Social Security Number {v} before onboarding.",
              pj({"applicant": {"name": "R. Delgado", "ssn": "{v}", "dob": "1987-04-12"}}),
              "INSERT INTO employees (id, ssn) VALUES (77, '{v}');", "social security no. {vv}"]:
        v = ssn()
        A(("US Social Security Number", t.replace("{vv}", v.replace("-", "")).replace("{v}", v)))
    # ---------------- Taxpayer ID
    A(("US Taxpayer ID", "Employer Identification Number (EIN): %s" % ein()))
    A(("US Taxpayer ID", "W-9 received: TIN %s (EIN), entity type LLC" % ein()))
    A(("US Taxpayer ID", pj({"vendor": "Blue Ridge Supply LLC", "tax_id": ein(), "tax_id_type": "EIN"})))
    A(("US Taxpayer ID", "ITIN: %s" % itin()))
    A(("US Taxpayer ID", "Client provided Individual Taxpayer Identification Number %s on form W-7." % itin()))
    # ---------------- Passports
    A(("Passport Number", "Passport No.: %s (USA), expires 2031-06-30" % dg(9)))
    A(("Passport Number", "Reisepassnummer: %s" % rs(9, "CFGHJKLMNPRTVWXYZ0123456789")))
    A(("Passport Number", "Numéro de passeport : %s%s%s" % (dg(2), rs(2, UP), dg(5))))
    A(("Passport Number", "Número de pasaporte: %s%s" % (rs(3, UP), dg(6))))
    A(("Passport Number", "Numero di passaporto %s%s" % (rs(2, UP), dg(7))))
    A(("Passport Number", "Paspoortnummer: %s%s%s" % (rs(2, UP), rs(6, UP + DIG), dg(1))))
    A(("Passport Number", pj({"traveller": {"surname": "WALKER", "passport_number": dg(9), "nationality": "GBR"}})))
    A(("Passport Number", "Numer paszportu: %s%s" % (rs(2, UP), dg(7))))
    # ---------------- Health insurance
    A(("Health Insurance Number", "Krankenversichertennummer: %s" % kvnr()))
    A(("Health Insurance Number", "Versicherten-Nr. %s, Kasse: AOK Bayern" % kvnr()))
    A(("Health Insurance Number", pj({"patient": {"kvnr": kvnr(), "versichertenstatus": "1"}})))
    A(("Health Insurance Number", "Medicare Beneficiary Identifier (MBI): %s" % mbi()))
    A(("Health Insurance Number", "INSERT INTO claims (id, mbi, cpt) VALUES (5531, '%s', '99213');" % mbi()))
    A(("Health Insurance Number", "NHS number: %s" % nhs()))
    A(("Health Insurance Number", "Patient's NHS No. %s – referral to cardiology" % nhs()))
    A(("Health Insurance Number", "EHIC / Europäische Krankenversicherungskarte, Kennnummer der Karte: %s" % luhn_full("80276", 20)))
    # ---------------- Provider
    A(("Health Provider ID", "Rendering provider NPI: %s" % npi()))
    A(("Health Provider ID", pj({"claim": {"billing_provider": {"npi": npi(), "taxonomy": "207Q00000X"}}})))
    A(("Health Provider ID", "NM1*85*2*RIVERSIDE CLINIC*****XX*%s~" % npi()))
    A(("Health Provider ID", "Dr. Ellen Park, MD — National Provider Identifier %s" % npi()))
    # ---------------- MRN
    A(("Medical Record Number", "MRN: %s" % dg(8)))
    A(("Medical Record Number", "PID|1||%s^^^STMARY^MR||DOE^JANE^A||19790312|F" % dg(7)))
    A(("Medical Record Number", "Patient medical record number %s-%s admitted to ward 4B." % (dg(6), dg(1))))
    # ---------------- Routing
    A(("Bank Routing Number", "ABA routing number: %s" % aba()))
    A(("Bank Routing Number", "Direct deposit — Routing (RTN): %s, account type checking" % aba()))
    A(("Bank Routing Number", pj({"ach": {"routing_number": aba(), "sec_code": "PPD"}})))
    A(("Bank Routing Number", "wire instructions: ABA %s" % aba()))
    # ---------------- Bank account
    A(("Bank Account", "Account number: %s (checking)" % dg(10)))
    A(("Bank Account", "Kontonummer: %s" % dg(10)))
    A(("Bank Account", "UK bank details — sort code %s-%s-%s, account no. %s" % (dg(2), dg(2), dg(2), dg(8))))
    A(("Bank Account", pj({"payout": {"bank_account_number": dg(12), "account_holder": "Lakeview Dental PC"}})))
    # ---------------- BIC
    def bic(cc):
        return rs(4, UP) + cc + rs(2, UP + DIG) + R.choice(["", "XXX", rs(3, UP + DIG)])
    A(("BIC", "BIC/SWIFT: %s" % bic("DE")))
    A(("BIC", "Code BIC : %s" % bic("FR")))
    A(("BIC", "SWIFT code for the wire: %s" % bic("GB")))
    A(("BIC", pj({"bank": {"name": "Banca Popolare", "bic": bic("IT")}})))
    return out


# ---------------------------------------------------------------- negatives
def neg_cases():
    N = []
    A = N.append
    sha = hx(40)
    A("commit %s\nMerge: %s %s\nDate:   Mon Mar 11 14:02:55 2024 +0100\n\n    Merge pull request #482 from feature/retry-backoff" % (sha, hx(7), hx(7)))
    A("\n".join("%s %s" % (hx(7), m) for m in ["fix: handle empty cart", "chore(deps): bump axios to 1.6.8", "feat: add SEPA export"]))
    A("%s  dist/app-linux-amd64.tar.gz\n%s  dist/app-darwin-arm64.tar.gz" % (hx(64), hx(64)))
    A(pj({"request_id": uid(), "trace_id": hx(32), "span_id": hx(16), "status": 200}))
    A("ETag: \"%s\"\nLast-Modified: Tue, 12 Mar 2024 08:15:22 GMT" % hx(32))
    A("OPENAI_API_KEY=YOUR_API_KEY\nANTHROPIC_API_KEY=your-anthropic-key-here")
    A("$ curl https://api.example.com/v1/items -H \"Authorization: Bearer <token>\"")
    A("api_key: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
    A("GITHUB_TOKEN=${GITHUB_TOKEN}\nNPM_TOKEN=${NPM_TOKEN}")
    A("      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}")
    A("# Example from the AWS docs\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    A("To test a successful payment, use the test card 4242 4242 4242 4242 with any future expiry date and any 3-digit CVC.")
    A("In test mode you can simulate a declined payment with card number 4000 0000 0000 0002.")
    # Luhn failing card-like numbers
    for ctx in ["card number: {v}", "Bestellnummer {v}"]:
        n = g_card("visa")
        bad = n[:-1] + str((int(n[-1]) + R.randint(1, 9)) % 10)
        assert not luhn_ok(bad)
        A(ctx.replace("{v}", fmt_card(bad, " ")))
    # IBAN wrong check digits
    for cc in ["DE", "FR", "NL"]:
        ib = g_iban(cc)
        c = int(ib[2:4])
        bad = ib[:2] + "%02d" % ((c + R.randint(1, 50)) % 97 or 2) + ib[4:]
        if iban_valid(bad):
            bad = ib[:2] + "%02d" % ((c + 1) % 97) + ib[4:]
        assert not iban_valid(bad)
        A("IBAN: %s" % group4(bad))
    A("Your order #%s-%s-%s has shipped." % (dg(3), dg(7), dg(7)))
    A("Tracking number: 1Z%s%s" % (rs(6, UP + DIG), dg(10)))
    A("Sendungsnummer: JJD%s" % dg(18))
    A("ISBN 978-3-16-148410-0, 3. Auflage, 2019")
    A("Released v2.14.3 (build 1.0.0-rc.1+20240311.1542); previous: 2.13.9")
    A("2024-03-11T08:15:22.123Z 1710144922 11.03.2024 08:15")
    A("upstream connect error to 10.42.7.19:8443, retrying via 2001:db8:85a3::8a2e:370:7334")
    A("<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAA%s\" alt=\"logo\">" % rs(120, B64))
    A("\"node_modules/lodash\": {\n  \"version\": \"4.17.21\",\n  \"resolved\": \"https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz\",\n  \"integrity\": \"sha512-%s==\"\n}" % rs(86, B64))
    A("config.yaml.bak")
    A("ab.cd.ef")
    A("Rechnungsnr. %s %s %s" % (dg(4), dg(4), dg(4)))
    A("Invoice no. %s-%s-%s, due 2024-04-30" % (dg(4), dg(3), dg(4)))
    A("Ticket #%s was closed automatically." % dg(11))
    A("database:\n  host: db-prod-01.internal\n  user: app\n  password: ********")
    A('DB_PASSWORD=""\nREDIS_PASSWORD=')
    A("password: ${DB_PASSWORD}")
    A(pj({"username": "admin", "password": None, "mfa": True}))
    A("smtp:\n  user: mailer\n  password: [REDACTED]")
    A("db_pass = os.environ[\"DB_PASSWORD\"]\nstripe.api_key = os.getenv(\"STRIPE_SECRET_KEY\")")
    A("const token = process.env.GITHUB_TOKEN;")
    A("DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app")
    A("DATABASE_URL=postgresql://app@localhost:5432/app_dev")
    A("image: ghcr.io/acme/worker@sha256:%s" % hx(64))
    A("background: #1e90ff; color: #ffffff; border-color: #c0ffee;")
    A("pi ≈ 3.14159265358979323846264338327950288419716939937510")
    A("MAC 3c:22:fb:9a:41:07 on en0")
    A("GitHub classic tokens start with ghp_ followed by 36 alphanumeric characters; match them with ghp_[A-Za-z0-9]{36}.")
    A("Slack webhooks look like https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX")
    A("POST https://discord.com/api/webhooks/{webhook.id}/{webhook.token}")
    A("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA%s\n-----END PUBLIC KEY-----" % rs(300, B64))
    A("-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE%s\n-----END CERTIFICATE-----" % rs(400, B64))
    A("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s deploy-key-2024" % rs(43, B64))
    A("github.com/pkg/errors v0.9.1 h1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=")
    A("requests==2.31.0 --hash=sha256:%s" % hx(64))
    A("arn:aws:iam::%s:role/github-actions-deploy" % dg(12))
    A("subscription_id = \"%s\"\ntenant_id       = \"%s\"" % (uid(), uid()))
    A("Created customer cus_%s and payment intent pi_%s" % (rs(14), rs(24)))
    A("client_id: %s-%s.apps.googleusercontent.com" % (dg(12), rs(32, LO + DIG)))
    A("gtag('config', 'G-%s');" % rs(10, UP + DIG))
    A("Mongo _id: ObjectId(\"%s\")" % hx(24))
    A("Tweet %s liked 42 times" % dg(19))
    A("Card: **** **** **** %s (Visa)" % dg(4))
    A("IBAN: DE** **** **** **** **%s %s" % (dg(2), dg(2)))
    A("SSN: XXX-XX-%s" % dg(4))
    A("SSN: 000-%s-%s" % (dg(2), dg(4)))
    sid = steuer_id()
    A("Steuer-ID: %s%d" % (sid[:-1], (int(sid[-1]) + 3) % 10))
    A("Das Passwort muss mindestens 12 Zeichen lang sein und eine Ziffer enthalten.")
    A("Forgot your password? Click 'Reset password' on the login page.")
    A("token: <redacted>\nexpires_in: 3600")
    A("sk-proj-...  (paste your OpenAI key here)")
    A("resourceVersion: \"%s\"\npod: api-%s-%s" % (dg(8), rs(9, LO + DIG), rs(5, LO + DIG)))
    A("Coordinates: 52.520008, 13.404954")
    A("Total: 1.234,56 EUR (inkl. 19 % MwSt.)")
    A("echo 'aGVsbG8gd29ybGQsIHRoaXMgaXMgbm90IGEgc2VjcmV0Cg==' | base64 -d")
    A("Flight LH2034 departs 07:45 from gate B12; booking reference K7PQ2X")
    A("UUID v4 example: %s" % uid())
    A("md5(readme.txt) = %s" % hx(32))
    A("lineage = \"%s\"\nserial  = %d" % (uid(), R.randint(10, 500)))
    return [("NEG", t) for t in N]


# ---------------------------------------------------------------- main
def main():
    cases = gen_secret_cases() + special_secret_cases() + pii_cases()
    negs = neg_cases()
    allc = cases + negs
    R.shuffle(allc)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "blind-probe.tsv")
    with open(path, "w", encoding="utf-8") as f:
        for lab, text in allc:
            assert "\t" not in text and "\r" not in text, (lab, text)
            f.write("%s\t%s\n" % (lab, text.replace("\n", "\\n")))
    from collections import Counter
    c = Counter(l for l, _ in allc)
    print("wrote", path, len(allc), "cases;", sum(v for k, v in c.items() if k != "NEG"), "positive,", c["NEG"], "NEG")


if __name__ == "__main__":
    main()
