#!/usr/bin/env python3
"""The second blind probe of the SIGIL scanner (2026-11-25), written by a session that never read the packs, the
corpus, the engine or the first probe, from the category list alone.

Every value below is synthetic and produced by this script (random values with
valid checksums where the real format has one).  Output: blind-probe-2.tsv with lines
LABEL<TAB>TEXT, real newlines in TEXT written as the two characters backslash-n.
"""
import base64
import datetime
import json
import os
import random
import string
import uuid as _uuid
import zlib
from collections import Counter

random.seed(9099)
R = random
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "blind-probe-2.tsv")

DIG = string.digits
UP = string.ascii_uppercase
LO = string.ascii_lowercase
LET = string.ascii_letters
ALNUM = LET + DIG
B62 = DIG + UP + LO
URLSAFE = ALNUM + "-_"
HEX = "0123456789abcdef"
B64 = ALNUM + "+/"

CASES = []


def add(label, text):
    CASES.append((label, text))


def rs(alpha, n):
    return "".join(R.choice(alpha) for _ in range(n))


def rd(n):
    return rs(DIG, n)


def pick(seq):
    return R.choice(seq)


def rbytes(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def uid():
    return str(_uuid.UUID(int=R.getrandbits(128), version=4))


def ts():
    t = datetime.datetime(2024, 1, 1) + datetime.timedelta(seconds=R.randint(0, 560 * 86400))
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def dob():
    return datetime.date(1948, 1, 1) + datetime.timedelta(days=R.randint(0, 58 * 365))


def groups(s, n=4, sep=" "):
    return sep.join(s[i:i + n] for i in range(0, len(s), n))


FIRST = ["Anna", "Lukas", "Marie", "Jonas", "Camille", "Julien", "Lucía", "Javier", "Giulia", "Marco",
         "Sanne", "Daan", "João", "Beatriz", "Erik", "Astrid", "Katarzyna", "Piotr", "Emily", "James",
         "Sofia", "Matteo", "Elif", "Noah", "Ingrid", "Tomasz"]
LAST = ["Schmidt", "Weber", "Dubois", "Lefèvre", "García", "Fernández", "Rossi", "Bianchi", "de Vries",
        "Jansen", "Silva", "Costa", "Lindqvist", "Johansson", "Kowalska", "Nowak", "Carter", "Hughes",
        "Moreau", "Bakker", "Hoffmann", "Ricci"]
CITIES = ["Berlin", "München", "Lyon", "Paris", "Madrid", "Sevilla", "Milano", "Torino", "Utrecht",
          "Rotterdam", "Porto", "Lisboa", "Göteborg", "Uppsala", "Kraków", "Gdańsk", "Wien", "Zürich",
          "Dublin", "Leeds", "Austin", "Denver"]
LANGS = ["en", "de", "fr", "es", "it", "nl", "pt", "sv", "pl"]


def name():
    return pick(FIRST) + " " + pick(LAST)


# ----------------------------------------------------------------- checksums
def luhn_digit(payload):
    s = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return str((10 - s % 10) % 10)


def luhn_ok(num):
    return luhn_digit(num[:-1]) == num[-1]


def iban_ok(ib):
    ib = ib.replace(" ", "").upper()
    s = ib[4:] + ib[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


def iban_make(cc, bban):
    s = bban + cc + "00"
    chk = 98 - int("".join(str(int(c, 36)) for c in s)) % 97
    ib = "%s%02d%s" % (cc, chk, bban)
    assert iban_ok(ib)
    return ib


CF_ODD = dict(zip(DIG, [1, 0, 5, 7, 9, 13, 15, 17, 19, 21]))
CF_ODD.update(dict(zip(UP, [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16,
                            10, 22, 25, 24, 23])))


def cf_check(s):
    tot = 0
    for i, c in enumerate(s):
        if i % 2 == 0:
            tot += CF_ODD[c]
        else:
            tot += int(c) if c.isdigit() else ord(c) - 65
    return chr(65 + tot % 26)


def es_dc(ten):
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    d = 11 - sum(int(c) * w[i] for i, c in enumerate(ten)) % 11
    return {11: 0, 10: 1}.get(d, d)


def fr_bban():
    bank, br, acc = rd(5), rd(5), rd(11)
    key = 97 - ((89 * int(bank) + 15 * int(br) + 3 * int(acc)) % 97)
    return bank + br + acc + "%02d" % key


def es_bban():
    bank, br, acc = rd(4), rd(4), rd(10)
    return bank + br + str(es_dc("00" + bank + br)) + str(es_dc(acc)) + acc


def it_bban():
    abi, cab, conto = rd(5), rd(5), rd(12)
    return cf_check(abi + cab + conto) + abi + cab + conto


def be_bban():
    ten = rd(10)
    c = int(ten) % 97 or 97
    return ten + "%02d" % c


BBAN = {
    "DE": lambda: rd(18), "FR": fr_bban, "ES": es_bban, "IT": it_bban,
    "NL": lambda: pick(["ABNA", "RABO", "INGB", "TRIO", "SNSB", "KNAB"]) + rd(10),
    "BE": be_bban, "AT": lambda: rd(16), "CH": lambda: rd(17), "PL": lambda: rd(24),
    "SE": lambda: rd(20), "PT": lambda: rd(21),
    "GB": lambda: pick(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + rd(14),
    "IE": lambda: pick(["AIBK", "BOFI"]) + rd(14), "DK": lambda: rd(14), "FI": lambda: rd(14),
    "NO": lambda: rd(11), "LU": lambda: rd(16), "CZ": lambda: rd(20),
    "RO": lambda: pick(["RNCB", "BTRL", "BRDE", "INGB"]) + rs(UP + DIG, 16),
}


def iban(cc):
    return iban_make(cc, BBAN[cc]())


def card(brand):
    if brand == "visa":
        pre, n = "4", 16
    elif brand == "mc5":
        pre, n = str(R.randint(51, 55)), 16
    elif brand == "mc2":
        pre, n = str(R.randint(2221, 2720)), 16
    elif brand == "amex":
        pre, n = pick(["34", "37"]), 15
    elif brand == "discover":
        pre, n = pick(["6011", "65", "644", "649"]), 16
    elif brand == "jcb":
        pre, n = str(R.randint(3528, 3589)), 16
    elif brand == "maestro":
        pre, n = pick(["6759", "5018", "6304", "5020"]), 16
    elif brand == "maestro19":
        pre, n = pick(["6759", "5018"]), 19
    body = pre + rd(n - len(pre) - 1)
    num = body + luhn_digit(body)
    assert luhn_ok(num)
    return num


def card_fmt(num, sep):
    if len(num) == 15:
        parts = [num[:4], num[4:10], num[10:]]
    else:
        parts = [num[i:i + 4] for i in range(0, len(num), 4)]
    return sep.join(parts)


# national ids --------------------------------------------------------------
def de_steuerid():
    while True:
        missing = R.randint(0, 9)
        present = [d for d in range(10) if d != missing]
        seq = present + [pick(present)]
        R.shuffle(seq)
        if seq[0] == 0:
            continue
        prod = 10
        for d in seq:
            s = (d + prod) % 10 or 10
            prod = (s * 2) % 11
        chk = 11 - prod
        if chk == 10:
            chk = 0
        return "".join(map(str, seq)) + str(chk)


def fr_nir():
    sex = pick("12")
    yy = "%02d" % R.randint(50, 99)
    mm = "%02d" % R.randint(1, 12)
    dep = "%02d" % pick([1, 6, 13, 31, 33, 38, 44, 59, 67, 69, 75, 92, 93, 94])
    com = "%03d" % R.randint(1, 400)
    order = "%03d" % R.randint(1, 999)
    n = sex + yy + mm + dep + com + order
    key = 97 - int(n) % 97
    return f"{sex} {yy} {mm} {dep} {com} {order} {key:02d}"


def it_cf():
    cons = "BCDFGHJKLMNPQRSTVZ"
    day = R.randint(1, 28) + (40 if R.random() < 0.5 else 0)
    s = (rs(cons, 3) + rs(cons, 3) + "%02d" % R.randint(50, 99) + pick("ABCDEHLMPRST") + "%02d" % day
         + pick(["H501", "F205", "L219", "G273", "A662", "D612", "F839"]))
    return s + cf_check(s)


DNI_L = "TRWAGMYFPDXBNJZSQVHLCKE"


def es_dni():
    n = R.randint(10000000, 99999999)
    return "%08d%s" % (n, DNI_L[n % 23])


def es_nie():
    p = pick("XYZ")
    n = R.randint(0, 9999999)
    v = int(str("XYZ".index(p)) + "%07d" % n)
    return "%s%07d%s" % (p, n, DNI_L[v % 23])


def nl_bsn():
    while True:
        d = [R.randint(1, 6)] + [R.randint(0, 9) for _ in range(7)]
        c = sum(d[i] * (9 - i) for i in range(8)) % 11
        if c < 10:
            return "".join(map(str, d)) + str(c)


def pl_pesel():
    b = dob()
    m = b.month + (20 if b.year >= 2000 else 0)
    s = "%02d%02d%02d%s" % (b.year % 100, m, b.day, rd(4))
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return s + str((10 - sum(int(s[i]) * w[i] for i in range(10)) % 10) % 10)


def se_pnr():
    b = dob()
    s = "%02d%02d%02d%s" % (b.year % 100, b.month, b.day, rd(3))
    return s[:6] + "-" + s[6:] + luhn_digit(s)


def fi_hetu():
    b = dob()
    ind = R.randint(2, 899)
    base = "%02d%02d%02d" % (b.day, b.month, b.year % 100)
    sign = "-" if b.year < 2000 else "A"
    return base + sign + "%03d" % ind + "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(base + "%03d" % ind) % 31]


def dk_cpr():
    w = [4, 3, 2, 7, 6, 5, 4, 3, 2]
    while True:
        b = dob()
        s = "%02d%02d%02d%s" % (b.day, b.month, b.year % 100, rd(3))
        c = (11 - sum(int(s[i]) * w[i] for i in range(9)) % 11) % 11
        if c != 10:
            return s[:6] + "-" + s[6:] + str(c)


def ro_cnp():
    b = dob()
    sx = pick([1, 2]) if b.year < 2000 else pick([5, 6])
    s = "%d%02d%02d%02d%02d%03d" % (sx, b.year % 100, b.month, b.day, R.randint(1, 46), R.randint(1, 999))
    c = sum(int(s[i]) * int("279146358279"[i]) for i in range(12)) % 11
    return s + str(1 if c == 10 else c)


def be_nn():
    b = dob()
    base = "%02d%02d%02d%03d" % (b.year % 100, b.month, b.day, R.randint(1, 997))
    n = int(base) if b.year < 2000 else int("2" + base)
    c = 97 - n % 97
    return "%s.%s.%s-%s.%02d" % (base[:2], base[2:4], base[4:6], base[6:9], c)


def pt_nif():
    s = pick("123") + rd(7)
    c = 11 - sum(int(s[i]) * (9 - i) for i in range(8)) % 11
    return s + str(0 if c >= 10 else c)


def at_svnr():
    w = [3, 7, 9, 5, 8, 4, 2, 1, 6]
    while True:
        b = dob()
        ser = str(R.randint(100, 999))
        dd = "%02d%02d%02d" % (b.day, b.month, b.year % 100)
        c = sum(int((ser + dd)[i]) * w[i] for i in range(9)) % 11
        if c != 10:
            return "%s%d %s" % (ser, c, dd)


def ch_ahv():
    s = "756" + rd(9)
    c = (10 - sum(int(s[i]) * (1 if i % 2 == 0 else 3) for i in range(12)) % 10) % 10
    n = s + str(c)
    return "%s.%s.%s.%s" % (n[:3], n[3:7], n[7:11], n[11:])


def ie_pps():
    d = rd(7)
    s = sum(int(d[i]) * (8 - i) for i in range(7))
    suf = pick(["", "A"])
    if suf == "A":
        s += 9
    c = s % 23
    return d + ("W" if c == 0 else chr(64 + c)) + suf


def uk_nino():
    first = [c for c in UP if c not in "DFIQUV"]
    second = [c for c in first if c != "O"]
    while True:
        p = pick(first) + pick(second)
        if p not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
            break
    n = rd(6)
    return "%s %s %s %s %s" % (p, n[:2], n[2:4], n[4:], pick("ABCD"))


def us_ssn(sep="-"):
    while True:
        a = R.randint(1, 899)
        if a != 666:
            break
    return "%03d%s%02d%s%04d" % (a, sep, R.randint(1, 99), sep, R.randint(1, 9999))


def us_ein():
    return "%02d-%s" % (pick([12, 20, 27, 45, 46, 52, 81, 84, 94]), rd(7))


def us_itin():
    g = pick(list(range(50, 66)) + list(range(70, 89)) + [90, 91, 92] + list(range(94, 100)))
    return "9%s-%02d-%s" % (rd(2), g, rd(4))


def kvnr():
    L = pick(UP)
    digs = rd(8)
    num = "%02d" % (ord(L) - 64) + digs
    s = 0
    for i, ch in enumerate(num):
        p = int(ch) * (1 if i % 2 == 0 else 2)
        s += p // 10 + p % 10
    return L + digs + str(s % 10)


def npi():
    base = pick("12") + rd(8)
    return base + luhn_digit("80840" + base)


MBI_A = [c for c in UP if c not in "SLOIBZ"]


def mbi():
    an = MBI_A + list(DIG)
    return (pick("123456789") + pick(MBI_A) + pick(an) + pick(DIG) + pick(MBI_A) + pick(an) + pick(DIG)
            + pick(MBI_A) + pick(MBI_A) + pick(DIG) + pick(DIG))


def nhs():
    while True:
        d = [pick([4, 6, 7])] + [R.randint(0, 9) for _ in range(8)]
        c = 11 - sum(d[i] * (10 - i) for i in range(9)) % 11
        if c == 11:
            c = 0
        if c != 10:
            s = "".join(map(str, d)) + str(c)
            return "%s %s %s" % (s[:3], s[3:6], s[6:])


def aba():
    first2 = pick(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "21", "22", "23",
                   "24", "25", "26", "27", "28", "29", "30", "31", "32"])
    d = first2 + rd(6)
    w = [3, 7, 1, 3, 7, 1, 3, 7]
    return d + str((10 - sum(int(c) * w[i] for i, c in enumerate(d)) % 10) % 10)


def bic(cc):
    loc = pick(UP) + pick(UP.replace("O", "") + "123456789")
    return rs(UP, 4) + cc + loc + (pick(["", "XXX", rs(UP + DIG, 3)]))


# secrets ---------------------------------------------------------------------
def b62(n, width):
    s = ""
    while n:
        n, r = divmod(n, 62)
        s = B62[r] + s
    return s.rjust(width, "0")


def crc_token(prefix):
    body = rs(ALNUM, 30)
    return prefix + body + b62(zlib.crc32(body.encode()), 6)


def b64u(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def jwt():
    alg = pick(["HS256", "RS256", "ES256"])
    hdr = {"alg": alg, "typ": "JWT"}
    if alg != "HS256":
        hdr["kid"] = rs(HEX, 16)
    now = R.randint(1710000000, 1750000000)
    pl = {"sub": uid(), "iss": pick(["https://auth.nordwind-shop.de/", "https://login.vela-analytics.io",
                                      "https://sso.atelier-moreau.fr/realms/main"]),
          "aud": pick(["api", "portal-web", "mobile-app"]), "iat": now, "exp": now + 3600,
          "scope": pick(["openid profile", "orders:read orders:write", "admin"])}
    sig = b64u(rbytes({"HS256": 32, "RS256": 256, "ES256": 64}[alg]))
    return (b64u(json.dumps(hdr, separators=(",", ":")).encode()) + "."
            + b64u(json.dumps(pl, separators=(",", ":")).encode()) + "." + sig)


def pem(kind):
    if kind == "rsa":
        head, body, width = "RSA PRIVATE KEY", "MIIEowIBAAKCAQEA" + rs(B64, 1576), 64
    elif kind == "pkcs8":
        head, body, width = "PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ" + rs(B64, 1574), 64
    elif kind == "ec":
        head, body, width = "EC PRIVATE KEY", "MHcCAQEEI" + rs(B64, 153) + "==", 64
    elif kind == "openssh":
        head = "OPENSSH PRIVATE KEY"
        body = ("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"
                "QyNTUxOQAAACA" + rs(B64, 300) + "==")
        width = 70
    else:
        head, body, width = "ENCRYPTED PRIVATE KEY", "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI" + rs(B64, 1708), 64
    lines = [body[i:i + width] for i in range(0, len(body), width)]
    return "-----BEGIN %s-----\n%s\n-----END %s-----" % (head, "\n".join(lines), head)


def password():
    words = ["Sommer", "Kaffee", "Soleil", "Maison", "Playa", "Luna", "Tulpen", "Saudade", "Fika", "Zamek",
             "Falke", "Orzech", "Nebel", "Girasole"]
    r = R.random()
    if r < 0.4:
        return pick(words) + str(R.randint(1970, 2025)) + pick("!#$%&*?") + pick(words).lower()
    if r < 0.7:
        return rs(ALNUM + "!#%&*?@", R.randint(14, 20))
    return pick(words) + pick(".-_") + rs(DIG, 2) + pick(words) + pick("!?#")


def db_pw():
    return rs(ALNUM, R.randint(16, 24))


# --------------------------------------------------------------- contexts
HARMLESS_ENV = ["APP_ENV=production", "NODE_ENV=production", "PORT=8080", "LOG_LEVEL=info",
                "AWS_REGION=eu-central-1", "TZ=Europe/Berlin", "FEATURE_FLAGS=beta_dashboard,new_checkout",
                "REDIS_HOST=redis", "DB_HOST=db.internal", "DB_PORT=5432", "CACHE_TTL=300", "WORKERS=4",
                "PUBLIC_URL=https://app.nordwind-shop.de", "SENTRY_ENVIRONMENT=prod", "MAX_UPLOAD_MB=25",
                "DEFAULT_LOCALE=de-DE", "QUEUE_NAME=jobs-default", "ENABLE_METRICS=true", "HTTP_TIMEOUT=30"]
ENV_PATHS = ["/srv/app/.env", ".env", "/home/deploy/api/.env.production", "/opt/shop/backend/.env.local",
             "services/billing/.env"]


def mcp_text(text):
    return json.dumps({"content": [{"type": "text", "text": text}], "isError": False}, ensure_ascii=False)


def fs_read(path, text):
    r = R.random()
    if r < 0.4:
        return mcp_text(text)
    if r < 0.7:
        return "$ cat %s\n%s" % (path, text)
    return json.dumps({"tool": "read_file", "path": path, "result": text}, ensure_ascii=False)


def env_file(var, val):
    lines = R.sample(HARMLESS_ENV, R.randint(3, 6))
    lines.insert(R.randint(0, len(lines)), "%s=%s" % (var, val))
    if R.random() < 0.5:
        lines.insert(0, "# " + pick(["production settings", "do not commit", "Konfiguration für Staging",
                                     "configuration locale", "configuración de despliegue",
                                     "impostazioni produzione"]))
    return "\n".join(lines)


def ctx_env(var, val):
    return fs_read(pick(ENV_PATHS), env_file(var, val))


def ctx_printenv(var, val):
    lines = ["HOME=/home/app", "HOSTNAME=api-%s-%s" % (rs(HEX, 10), rs(LO + DIG, 5)),
             "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8",
             "PYTHON_VERSION=3.12.3", "%s=%s" % (var, val)] + R.sample(HARMLESS_ENV, 3)
    lines.sort()
    return pick(["$ printenv\n", "$ env | sort\n", "$ kubectl exec -n prod deploy/api -- env\n"]) + "\n".join(lines)


def ctx_docker(var, val):
    env = ["PATH=/usr/local/bin:/usr/bin:/bin", "%s=%s" % (var, val)] + R.sample(HARMLESS_ENV, 3)
    R.shuffle(env)
    cname = pick(["billing-api", "shop_worker_1", "crm-sync", "gateway"])
    obj = [{"Id": rs(HEX, 64), "Created": ts(), "Name": "/" + cname,
            "Config": {"Hostname": rs(HEX, 12), "Env": env,
                       "Image": pick(["registry.internal/billing:2.8.1", "node:20-alpine",
                                      "python:3.12-slim"]), "WorkingDir": "/app"}}]
    return "$ docker inspect %s\n%s" % (cname, json.dumps(obj, indent=4))


def ctx_ci(var, val):
    t = ts()[:-1]
    lines = ["%s.%03dZ Running with gitlab-runner 16.11.1 (on docker-runner-3)" % (t, R.randint(0, 999)),
             "%s.%03dZ Fetching changes with git depth set to 20..." % (t, R.randint(0, 999)),
             "%s.%03dZ $ set -x" % (t, R.randint(0, 999)),
             "%s.%03dZ + export %s=%s" % (t, R.randint(0, 999), var, val),
             "%s.%03dZ + ./scripts/deploy.sh --env production" % (t, R.randint(0, 999)),
             "%s.%03dZ deploy: uploading artifact build-%s.tar.gz" % (t, R.randint(0, 999), rd(4)),
             "%s.%03dZ ERROR: Job failed: exit code 1" % (t, R.randint(0, 999))]
    return "\n".join(lines)


SHARE = {
    "en": ["Here's the key for staging, please don't forward: {s}", "Deploy is failing with 401, this is what's configured: {s}", "Can you try with this one? {s}"],
    "de": ["Hier der Key für Staging, bitte nicht weiterleiten: {s}", "Deploy schlägt mit 401 fehl, konfiguriert ist: {s}", "Probier mal mit diesem hier: {s}"],
    "fr": ["Voici la clé pour la préprod, merci de ne pas la diffuser : {s}", "Le déploiement échoue avec une 401, voici la config : {s}", "Tu peux essayer avec celle-ci ? {s}"],
    "es": ["Aquí tienes la clave de staging, no la reenvíes: {s}", "El despliegue falla con 401, esto es lo que hay configurado: {s}", "¿Puedes probar con esta? {s}"],
    "it": ["Ecco la chiave per lo staging, non inoltrarla: {s}", "Il deploy fallisce con 401, questa è la configurazione: {s}", "Puoi provare con questa? {s}"],
    "nl": ["Hier is de key voor staging, niet doorsturen aub: {s}", "Deploy faalt met 401, dit is geconfigureerd: {s}", "Kun je het met deze proberen? {s}"],
    "pt": ["Aqui está a chave de staging, não reencaminhes: {s}", "O deploy falha com 401, isto é o que está configurado: {s}", "Podes tentar com esta? {s}"],
    "sv": ["Här är nyckeln för staging, skicka inte vidare: {s}", "Deployen failar med 401, det här är konfigurerat: {s}", "Kan du testa med den här? {s}"],
    "pl": ["Tu jest klucz do stagingu, nie przesyłaj dalej: {s}", "Deploy pada z 401, tak to jest skonfigurowane: {s}", "Możesz spróbować z tym? {s}"],
}


def share(snippet, lang=None):
    return pick(SHARE[lang or pick(LANGS)]).format(s=snippet)


def gh_comment(body):
    org, repo = pick([("nordwind", "shop-backend"), ("vela-io", "ingest"), ("atelier-moreau", "site"),
                      ("kraken-labs", "ml-pipeline")])
    cid = R.randint(1800000000, 2300000000)
    num = R.randint(40, 2400)
    obj = {"url": "https://api.github.com/repos/%s/%s/issues/comments/%d" % (org, repo, cid),
           "html_url": "https://github.com/%s/%s/issues/%d#issuecomment-%d" % (org, repo, num, cid),
           "issue_url": "https://api.github.com/repos/%s/%s/issues/%d" % (org, repo, num),
           "id": cid, "user": {"login": pick(["jdev42", "mkowal", "lucia-g", "erikl", "sanne-dv"]),
                               "id": R.randint(100000, 99000000), "type": "User"},
           "created_at": ts(), "author_association": pick(["CONTRIBUTOR", "MEMBER", "NONE"]), "body": body}
    return json.dumps(obj, indent=2, ensure_ascii=False)


def gh_pr_review(body, path):
    obj = {"id": R.randint(1400000000, 1900000000), "path": path, "line": R.randint(3, 120),
           "side": "RIGHT", "commit_id": rs(HEX, 40), "user": {"login": pick(["reviewer-bot", "ptr-nowak", "giulia-r"])},
           "body": body, "created_at": ts()}
    return json.dumps(obj, indent=2, ensure_ascii=False)


def slack(text):
    msgs = [{"type": "message", "user": "U0" + rs(UP + DIG, 8), "text": pick(["morning!", "anyone around?", "guten Morgen", "merci !", "ok, dzięki"]), "ts": "%d.%06d" % (R.randint(1710000000, 1750000000), R.randint(0, 999999))},
            {"type": "message", "user": "U0" + rs(UP + DIG, 8), "text": text, "ts": "%d.%06d" % (R.randint(1710000000, 1750000000), R.randint(0, 999999)), "team": "T0" + rs(UP + DIG, 8)}]
    return json.dumps(msgs, indent=1, ensure_ascii=False)


def teams(text):
    obj = {"@odata.type": "#microsoft.graph.chatMessage", "id": str(R.randint(1710000000000, 1750000000000)),
           "createdDateTime": ts(), "from": {"user": {"displayName": name(), "id": uid()}},
           "body": {"contentType": "html", "content": "<p>%s</p>" % text}}
    return json.dumps(obj, ensure_ascii=False)


def jira(summary, desc):
    obj = {"key": "%s-%d" % (pick(["OPS", "PLAT", "SUP", "INFRA", "HR"]), R.randint(100, 9999)),
           "fields": {"summary": summary, "status": {"name": pick(["Open", "In Progress", "Zu erledigen"])},
                      "priority": {"name": pick(["High", "Medium"])}, "description": desc,
                      "created": ts()}}
    return json.dumps(obj, indent=2, ensure_ascii=False)


def zendesk(subject, desc):
    obj = {"ticket": {"id": R.randint(10000, 999999), "subject": subject, "description": desc,
                      "status": pick(["new", "open", "pending"]), "priority": "normal",
                      "tags": pick([["billing"], ["refund", "card"], ["account"], ["kyc"]]),
                      "created_at": ts()}}
    return json.dumps(obj, indent=2, ensure_ascii=False)


def toolcall(tool, args):
    return json.dumps({"type": "tool_use", "id": "toolu_" + rs(ALNUM, 24), "name": tool, "input": args},
                      ensure_ascii=False)


def ctx_gh(var, val):
    return gh_comment(share("\n```\n%s=%s\n```" % (var, val)))


def ctx_slack(var, val):
    return slack(share("`%s=%s`" % (var, val)))


def ctx_jira(var, val):
    return jira(pick(["Deploy broken after key rotation", "Staging-Deploy schlägt fehl", "Erreur 401 en préprod"]),
                share("{code}%s=%s{code}" % (var, val)))


def ctx_toolwrite(var, val):
    return toolcall("write_file", {"path": pick(ENV_PATHS), "content": env_file(var, val)})


def ctx_toolcmd(var, val):
    return toolcall("run_command", {"command": "export %s='%s' && npm run deploy:prod" % (var, val),
                                    "cwd": "/srv/app"})


def ctx_yaml(var, val):
    key = var.lower()
    return fs_read("config/settings.yaml", "server:\n  port: 8080\n  host: 0.0.0.0\nintegrations:\n  %s: \"%s\"\n  timeout_seconds: 15\nlogging:\n  level: info" % (key, val))


def ctx_py(var, val):
    src = ("import os\nimport logging\n\nlogger = logging.getLogger(__name__)\n\n"
           "# TODO: move to secret manager before release\n%s = \"%s\"\nTIMEOUT = 20\n\n\n"
           "def headers():\n    return {\"User-Agent\": \"nordwind-sync/1.4\"}\n" % (var, val))
    return fs_read(pick(["app/settings.py", "src/config.py", "scripts/sync_orders.py"]), src)


def ctx_js(var, val):
    src = ("'use strict';\nconst axios = require('axios');\n\nconst %s = '%s';\nconst RETRIES = 3;\n\n"
           "module.exports = { %s, RETRIES };\n" % (var, val, var))
    return fs_read(pick(["src/config.js", "lib/client.js", "server/keys.js"]), src)


KEYED = [ctx_env, ctx_printenv, ctx_docker, ctx_ci, ctx_gh, ctx_slack, ctx_jira, ctx_toolwrite, ctx_toolcmd,
         ctx_yaml, ctx_py, ctx_js]


def keyed(var, val):
    return pick(KEYED)(var, val)


def k8s_secret(name_, key, raw, extra=None):
    data = dict(extra or {})
    data[key] = base64.b64encode(raw.encode()).decode()
    lines = ["apiVersion: v1", "data:"] + ["  %s: %s" % (k, v) for k, v in data.items()] + [
        "kind: Secret", "metadata:", "  creationTimestamp: \"%s\"" % ts(), "  name: %s" % name_,
        "  namespace: prod", "  resourceVersion: \"%d\"" % R.randint(1000000, 99999999), "  uid: %s" % uid(),
        "type: Opaque"]
    return "$ kubectl get secret %s -n prod -o yaml\n%s" % (name_, "\n".join(lines))


# ------------------------------------------------------------- PII contexts
def db_rows(col, val, table="customers", extra=None):
    n = R.randint(1, 3)
    target = R.randrange(n)
    rows = []
    for i in range(n):
        row = {"id": R.randint(1000, 99999), "full_name": name(), "city": pick(CITIES),
               "created_at": ts()[:10]}
        if extra:
            row.update(extra())
        row[col] = val if i == target else None
        rows.append(row)
    cols = list(rows[0].keys())
    r = R.random()
    if r < 0.45:
        return json.dumps(rows, ensure_ascii=False)
    if r < 0.7:
        return mcp_text(json.dumps({"rows": rows, "rowCount": n, "command": "SELECT"}, ensure_ascii=False))
    out = ["$ psql -c \"SELECT %s FROM %s LIMIT %d\"" % (", ".join(cols), table, n),
           " " + " | ".join(cols), "-" * 60]
    for row in rows:
        out.append(" " + " | ".join("" if row[c] is None else str(row[c]) for c in cols))
    out.append("(%d row%s)" % (n, "" if n == 1 else "s"))
    return "\n".join(out)


def dob_col():
    return {"date_of_birth": str(dob())}


def plan_col():
    return {"plan": pick(["basic", "pro", "enterprise"]), "status": pick(["active", "churned", "trial"])}


def crm(field, val):
    obj = {"object": "contact", "id": "cnt_" + rs(LO + DIG, 14),
           "properties": {"firstname": pick(FIRST), "lastname": pick(LAST), "company": pick(["Nordwind Logistik GmbH", "Atelier Moreau SARL", "Vela Analytics BV", "Costa & Filhos Lda", "Bianchi Srl"]),
                          "lifecyclestage": pick(["customer", "lead"]), field: val,
                          "hs_lead_status": pick(["OPEN", "CONNECTED"])}, "updatedAt": ts()}
    return json.dumps(obj, indent=2, ensure_ascii=False)


def hr(field, val):
    obj = {"employee_id": "E-%05d" % R.randint(1, 99999), "name": name(), "department": pick(["Finance", "Vertrieb", "Logistique", "IT", "Compras"]),
           "start_date": "%d-%02d-%02d" % (R.randint(2015, 2024), R.randint(1, 12), R.randint(1, 28)), "contract": pick(["full-time", "Teilzeit", "CDI"]),
           field: val, "cost_center": "CC-%d" % R.randint(100, 999)}
    return mcp_text(json.dumps(obj, indent=2, ensure_ascii=False))


def email(lang, subject, body, signature=""):
    hdr = {"de": ("Von", "An", "Betreff", "Gesendet"), "fr": ("De", "À", "Objet", "Envoyé"),
           "es": ("De", "Para", "Asunto", "Enviado"), "it": ("Da", "A", "Oggetto", "Inviato"),
           "nl": ("Van", "Aan", "Onderwerp", "Verzonden"), "pt": ("De", "Para", "Assunto", "Enviado"),
           "sv": ("Från", "Till", "Ämne", "Skickat"), "pl": ("Od", "Do", "Temat", "Wysłano"),
           "en": ("From", "To", "Subject", "Sent")}[lang]
    s = "%s: %s\n%s: %s\n%s: %s\n%s: %s\n\n%s" % (hdr[0], name(), hdr[3], ts().replace("T", " ")[:16], hdr[1],
                                                  pick(["Accounts Payable", "Support", name()]), hdr[2], subject, body)
    if signature:
        s += "\n\n-- \n" + signature
    return s


# =================================================================== POSITIVES
def gen_iban():
    specs = [("DE", "de"), ("FR", "fr"), ("ES", "es"), ("IT", "it"), ("NL", "nl"), ("BE", "fr"), ("AT", "de"),
             ("CH", "de"), ("PL", "pl"), ("SE", "sv"), ("PT", "pt"), ("GB", "en"), ("IE", "en"), ("DK", "en"),
             ("FI", "sv"), ("LU", "fr"), ("NO", "en"), ("CZ", "en"), ("RO", "en")]
    R.shuffle(specs)
    inv = {
        "de": "RECHNUNG Nr. RE-2024-{n}\nLeistung: Wartung Heizungsanlage\nNetto: 1.240,00 EUR\nMwSt 19 %: 235,60 EUR\nGesamt: 1.475,60 EUR\nBitte überweisen Sie den Betrag innerhalb von 14 Tagen.\nIBAN: {i}\nVerwendungszweck: RE-2024-{n}",
        "fr": "FACTURE n° F2024-{n}\nPrestation : refonte du site vitrine\nMontant TTC : 3 480,00 €\nRèglement par virement sous 30 jours sur le compte IBAN {i}",
        "es": "FACTURA nº {n}/2024\nConcepto: mantenimiento anual\nTotal: 980,00 €\nForma de pago: transferencia a la cuenta {i}",
        "it": "FATTURA n. {n}/2024\nDescrizione: consulenza fiscale Q3\nTotale: 1.220,00 €\nPagamento tramite bonifico su IBAN {i}",
        "nl": "FACTUUR {n}\nOmschrijving: schilderwerk kozijnen\nTotaal: € 2.145,00\nGelieve binnen 14 dagen te betalen op rekening {i} o.v.v. het factuurnummer.",
        "pt": "FATURA FT 2024/{n}\nServiço: auditoria de segurança\nTotal: 4.100,00 €\nPagamento por transferência para o IBAN {i}",
        "sv": "FAKTURA {n}\nAvser: konsulttimmar mars\nAtt betala: 18 750 SEK\nBetalning till IBAN {i} senast 30 dagar netto.",
        "pl": "FAKTURA VAT nr {n}/2024\nUsługa: wdrożenie systemu\nDo zapłaty: 12 300,00 PLN\nPłatność przelewem na rachunek: {i}",
        "en": "INVOICE #{n}\nServices: cloud migration, phase 2\nTotal due: 6,900.00 EUR\nPlease remit payment by bank transfer to IBAN {i} quoting the invoice number.",
    }
    chat = {
        "de": "Kannst du die Erstattung bitte an {i} überweisen? Danke!",
        "fr": "Pour le remboursement, mon IBAN est le {i}, merci d'avance.",
        "es": "Os paso mi cuenta para la devolución: {i}",
        "it": "Per il rimborso potete usare il mio IBAN {i}",
        "nl": "Mijn rekeningnummer voor de terugbetaling is {i}",
        "pt": "O meu IBAN para o reembolso é {i}",
        "sv": "Återbetalningen kan gå till {i}, tack.",
        "pl": "Proszę o zwrot na konto {i}",
        "en": "Please send the refund to {i} - thanks!",
    }
    for k in range(14):
        cc, lang = specs[k]
        ib = iban(cc)
        f = k % 4
        if f == 0:
            shown = ib
        elif f == 1 or f == 3:
            shown = groups(ib)
        else:
            shown = groups(ib).lower() if k % 2 == 0 else ib.lower()
        c = k % 7
        if c == 0:
            t = fs_read("invoices/%s.txt" % rd(6), inv[lang].format(i=shown, n=rd(4)))
        elif c == 1:
            t = db_rows("iban", shown, "customers", dob_col)
        elif c == 2:
            t = zendesk(pick(["Refund", "Erstattung", "Remboursement", "Reembolso"]), chat[lang].format(i=shown))
        elif c == 3:
            t = hr(pick(["salary_iban", "bank_iban", "iban"]), shown)
        elif c == 4:
            t = toolcall("search_payments", {"query": "payments from %s last 30 days" % shown, "limit": 20})
        elif c == 5:
            t = email(lang, pick(["Neue Bankverbindung", "Changement de coordonnées bancaires", "New bank details", "Nuevos datos bancarios"]),
                      chat[lang].format(i=shown))
        else:
            t = slack(chat[lang].format(i=shown))
        add("IBAN", t)


def gen_card():
    brands = ["visa", "visa", "mc5", "mc2", "amex", "amex", "discover", "jcb", "maestro", "maestro19", "mc2", "visa"]
    for k, b in enumerate(brands):
        num = card(b)
        sep = [" ", "-", ""][k % 3]
        shown = card_fmt(num, sep) if sep else num
        exp = "%02d/%d" % (R.randint(1, 12), R.randint(26, 30))
        c = k % 8
        if c == 0:
            t = zendesk(pick(["Zahlung fehlgeschlagen", "Payment declined", "Paiement refusé"]),
                        pick(["Hi, my card keeps getting declined. Card: %s exp %s. Can you check?",
                              "Hallo, meine Karte wird abgelehnt: %s, gültig bis %s.",
                              "Bonjour, ma carte %s (exp. %s) est refusée depuis hier."]) % (shown, exp))
        elif c == 1:
            t = db_rows("card_number", shown, "payment_methods", plan_col)
        elif c == 2:
            t = slack(pick(["can someone charge the client manually? card %s, exp %s",
                            "la tarjeta del cliente es %s, caduca %s",
                            "carta del cliente: %s scad. %s"]) % (shown, exp))
        elif c == 3:
            t = json.dumps({"log": {"version": "1.2", "entries": [{"request": {"method": "POST", "url": "https://checkout.nordwind-shop.de/api/pay",
                            "headers": [{"name": "Content-Type", "value": "application/x-www-form-urlencoded"}],
                            "postData": {"mimeType": "application/x-www-form-urlencoded", "text": "amount=4990&currency=EUR&cc_number=%s&cc_exp=%s" % (num, exp.replace("/", ""))}},
                            "response": {"status": 502}}]}})
        elif c == 4:
            t = ("Unhandled exception in PaymentWorker thread 7\n  at Gateway.Charge(Request req) in /src/Gateway.cs:line 212\n"
                 "  req.Amount = 129.00\n  req.Pan = \"%s\"\n  req.Currency = \"EUR\"\nMinidump written to /var/crash/payment-%s.dmp" % (num, rd(6)))
        elif c == 5:
            t = email(pick(["nl", "pt", "pl", "sv"]), pick(["Betaling", "Pagamento", "Płatność", "Betalning"]),
                      pick(["Mijn kaartnummer is %s, vervaldatum %s.", "O número do cartão é %s, validade %s.",
                            "Numer karty: %s, ważna do %s.", "Kortnummer: %s, giltigt till %s."]) % (shown, exp))
        elif c == 6:
            t = toolcall("lookup_transaction", {"query": "card %s" % shown, "merchant_id": "m_" + rd(6)})
        else:
            t = jira("Chargeback dispute", "Customer disputes charge of 89.90 EUR. Card used: %s. Please attach evidence." % shown)
        add("Payment Card", t)


def phone_values():
    out = []
    m = pick(["151", "160", "170", "176", "157"]) + rd(R.choice([7, 8]))
    out.append(("de", "+49 %s %s" % (m[:3], m[3:])))
    out.append(("de", "0%s %s %s" % (pick(["30", "89", "40", "221"]), rd(4), rd(4))))
    out.append(("fr", "0%s %s %s %s %s" % (pick("67"), rd(2), rd(2), rd(2), rd(2))))
    out.append(("en", "+44 7%s %s" % (pick(["4", "5", "8", "9"]) + rd(2), rd(6))))
    out.append(("en", "(%d) %d-%s" % (pick([212, 312, 415, 512, 617, 720, 303, 206]), pick([248, 314, 367, 482, 529, 653, 748, 862, 934]), rd(4))))
    out.append(("es", "+34 6%s %s %s" % (rd(2), rd(3), rd(3))))
    out.append(("it", "+39 %s %s %s" % (pick(["320", "333", "347", "349", "380", "392"]), rd(3), rd(4))))
    out.append(("nl", "06-%s" % rd(8)))
    out.append(("sv", "070-%s %s %s" % (rd(3), rd(2), rd(2))))
    out.append(("pl", "+48%s%s" % (pick("5678"), rd(8))))
    out.append(("pt", "00351 9%s %s %s" % (pick("1236"), rd(3), rd(3))))
    out.append(("de", "+41 7%s %s %s %s" % (pick("5689"), rd(3), rd(2), rd(2))))
    return out


def gen_phone():
    sig_role = {"de": "Leitung Einkauf", "fr": "Responsable achats", "es": "Jefa de compras", "it": "Responsabile acquisti",
                "nl": "Inkoopmanager", "pt": "Diretora de compras", "sv": "Inköpschef", "pl": "Kierownik zakupów", "en": "Procurement Lead"}
    body = {"de": "anbei die unterschriebene Bestellung. Rückfragen gern telefonisch.",
            "fr": "veuillez trouver ci-joint le bon de commande signé.",
            "es": "adjunto el pedido firmado. Cualquier duda, me llamáis.",
            "it": "in allegato l'ordine firmato.",
            "nl": "in de bijlage vindt u de getekende bestelling.",
            "pt": "segue em anexo a encomenda assinada.",
            "sv": "bifogar den signerade beställningen.",
            "pl": "w załączniku podpisane zamówienie.",
            "en": "please find the signed PO attached. Happy to jump on a call."}
    for k, (lang, ph) in enumerate(phone_values()):
        c = k % 6
        if c == 0:
            t = email(lang, "PO %s" % rd(6), body[lang], "%s\n%s\nNordwind Logistik GmbH\n%s" % (name(), sig_role[lang], pick(["Tel. ", "Mobil: ", "T: ", ""]) + ph))
        elif c == 1:
            t = crm("phone", ph)
        elif c == 2:
            t = db_rows("phone", ph, "contacts", dob_col)
        elif c == 3:
            t = zendesk(pick(["Rückruf", "Callback request", "Rappel"]), pick(["Bitte rufen Sie mich zurück unter %s.", "Please call me back on %s after 5pm.",
                                                                               "Merci de me rappeler au %s.", "Llámenme al %s, por favor."]) % ph)
        elif c == 4:
            t = toolcall("send_sms", {"to": ph, "body": pick(["Ihr Paket kommt morgen zwischen 10 und 12 Uhr.", "Your appointment is confirmed for Tuesday 14:30."])})
        else:
            t = "%s;%s;%s;%s" % (name(), pick(CITIES), ph, pick(["VIP", "new", "B2B"]))
            t = fs_read("exports/contacts_%s.csv" % rd(4), "name;city;phone;segment\n" + t)
        add("Phone Number", t)


def gen_email():
    doms = ["gmx.de", "web.de", "orange.fr", "libero.it", "ziggo.nl", "sapo.pt", "telia.se", "wp.pl",
            "brandt-logistik.de", "atelier-moreau.fr", "outlook.com", "proton.me"]
    for k in range(6):
        fn, ln = pick(FIRST), pick(LAST)
        loc = (fn + "." + ln).lower().replace(" ", "").replace("í", "i").replace("ã", "a").replace("è", "e").replace("ñ", "n")
        loc = loc.encode("ascii", "ignore").decode()
        addr = "%s%s@%s" % (loc, pick(["", str(R.randint(1, 99))]), pick(doms))
        c = k % 6
        if c == 0:
            t = crm("email", addr)
        elif c == 1:
            t = db_rows("email", addr, "users", plan_col)
        elif c == 2:
            t = toolcall("search_orders", {"query": "orders for %s since 2024-01-01" % addr})
        elif c == 3:
            t = slack(pick(["ping the supplier at %s", "schick es an %s bitte", "envoie-le à %s"]) % addr)
        elif c == 4:
            t = gh_comment(pick(["Same issue here, feel free to reach me at %s for logs.", "Mismo problema, escríbeme a %s"]) % addr)
        else:
            t = email("de", "Kündigung", "Bitte bestätigen Sie die Kündigung an %s." % addr)
        add("Email Address", t)


NID = [
    ("de", de_steuerid, ["Steuerliche Identifikationsnummer: {v}", "Steuer-ID {v}", "IdNr.: {v}"]),
    ("fr", fr_nir, ["Numéro de sécurité sociale : {v}", "N° INSEE {v}"]),
    ("it", it_cf, ["Codice fiscale: {v}", "C.F. {v}"]),
    ("es", es_dni, ["DNI: {v}", "Documento (DNI) {v}"]),
    ("es", es_nie, ["NIE: {v}"]),
    ("nl", nl_bsn, ["BSN: {v}", "Burgerservicenummer {v}"]),
    ("pl", pl_pesel, ["PESEL: {v}", "nr PESEL {v}"]),
    ("sv", se_pnr, ["Personnummer: {v}", "pnr {v}"]),
    ("sv", fi_hetu, ["Henkilötunnus (personbeteckning): {v}"]),
    ("en", dk_cpr, ["CPR-nr.: {v}", "CPR number {v}"]),
    ("en", ro_cnp, ["CNP: {v}", "Cod numeric personal {v}"]),
    ("fr", be_nn, ["Numéro de registre national : {v}", "Rijksregisternummer {v}"]),
    ("pt", pt_nif, ["NIF: {v}", "Número de contribuinte {v}"]),
    ("de", at_svnr, ["Sozialversicherungsnummer: {v}", "SV-Nr. {v}"]),
    ("de", ch_ahv, ["AHV-Nr.: {v}", "AHV-Nummer {v}"]),
    ("en", ie_pps, ["PPS Number: {v}", "PPSN {v}"]),
    ("en", uk_nino, ["National Insurance number: {v}", "NI No. {v}"]),
]


def gen_national_id():
    order = list(range(len(NID))) + [0, 1, 2, 16]
    for k, i in enumerate(order):
        lang, fn, tpls = NID[i]
        v = fn()
        phrase = pick(tpls).format(v=v)
        c = k % 7
        if c == 0:
            t = hr(pick(["national_id", "tax_id", "id_number"]), v)
        elif c == 1:
            t = db_rows("national_id", v, "customers", dob_col)
        elif c == 2:
            t = email(lang, pick(["Onboarding", "Unterlagen", "Documents", "Documentación", "Dokumenty"]),
                      pick(["Please find my details below.\n", "Anbei meine Daten.\n", "Voici mes informations.\n", "Aquí van mis datos.\n"]) + phrase)
        elif c == 3:
            t = zendesk("KYC", phrase)
        elif c == 4:
            t = slack(phrase)
        elif c == 5:
            t = toolcall("verify_identity", {"query": v, "country": pick(["auto"])})
        else:
            t = fs_read("onboarding/%s.txt" % rd(5), "Name: %s\nWohnort: %s\n%s\nStatus: geprüft" % (name(), pick(CITIES), phrase))
        add("National ID", t)


def gen_ssn():
    for k in range(5):
        v = us_ssn()
        c = k % 5
        if c == 0:
            t = hr("ssn", v)
        elif c == 1:
            t = db_rows("ssn", v, "applicants", dob_col)
        elif c == 2:
            t = zendesk("W-2 correction", "My SSN on the W-2 is wrong, the correct one is %s." % v)
        elif c == 3:
            t = slack("applicant SSN %s - can you run the background check?" % v)
        else:
            t = fs_read("intake/form_%s.txt" % rd(4), "Applicant: %s\nSocial Security Number: %s\nEmployer: Harbor Freight Logistics" % (name(), v))
        add("US Social Security Number", t)


def gen_taxid():
    vals = [("EIN", us_ein()), ("ITIN", us_itin()), ("EIN", us_ein()), ("ITIN", us_itin())]
    for k, (kind, v) in enumerate(vals):
        if k == 0:
            t = fs_read("vendors/w9_%s.txt" % rd(4), "Form W-9\nBusiness name: Lakeside Print Co LLC\nFederal tax classification: LLC\nEmployer identification number (EIN): %s" % v)
        elif k == 1:
            t = hr("itin", v)
        elif k == 2:
            t = db_rows("ein", v, "vendors", plan_col)
        else:
            t = email("es", "Declaración de impuestos", "Mi ITIN es %s, lo necesito para la declaración." % v)
        add("US Taxpayer ID", t)


def gen_health_ins():
    vals = [("kv", kvnr()), ("kv", kvnr()), ("nhs", nhs()), ("nhs", nhs()), ("mbi", mbi()), ("mbi", mbi()),
            ("ehic", "80%s%s" % (pick(["276", "250"]), rd(15)))]
    for k, (kind, v) in enumerate(vals):
        if kind == "kv":
            if k == 0:
                t = fs_read("praxis/anamnese_%s.txt" % rd(4), "Anamnesebogen\nPatient: %s\nKrankenkasse: AOK Nordost\nVersichertennummer: %s\nAllergien: keine bekannt\nMedikation: Ramipril 5 mg" % (name(), v))
            else:
                t = db_rows("kvnr", v, "patienten", dob_col)
        elif kind == "nhs":
            if k == 2:
                t = email("en", "Referral", "Please see the referral below.\nPatient NHS number: %s\nReason: persistent knee pain" % v)
            else:
                t = json.dumps({"resourceType": "Patient", "id": uid(), "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": v.replace(" ", "")}],
                                "gender": pick(["male", "female"]), "birthDate": str(dob())})
        elif kind == "mbi":
            vv = v if k == 4 else "%s-%s-%s" % (v[:4], v[4:7], v[7:])
            t = zendesk("Medicare claim", "Claim denied. Medicare Beneficiary Identifier (MBI): %s. Please resubmit." % vv) if k == 4 else \
                fs_read("claims/837_%s.txt" % rd(5), "Subscriber: %s\nPayer: Medicare Part B\nMBI: %s\nDOS: 2024-06-11\nCPT: 99213" % (name(), vv))
        else:
            t = email("fr", "Soins à l'étranger", "Bonjour, voici le numéro de ma carte européenne d'assurance maladie (CEAM) : %s" % groups(v, 5))
        add("Health Insurance Number", t)


def gen_npi():
    for k in range(4):
        v = npi()
        if k == 0:
            t = json.dumps({"claim_id": "CLM-" + rd(8), "billing_provider": {"name": "Riverside Family Medicine", "npi": v, "taxonomy": "207Q00000X"}, "total_charge": 240.0})
        elif k == 1:
            t = db_rows("npi", v, "providers", lambda: {"specialty": pick(["Cardiology", "Dermatology", "Pediatrics"])})
        elif k == 2:
            t = slack("rendering provider NPI is %s, claims keep bouncing" % v)
        else:
            t = fs_read("referrals/%s.txt" % rd(5), "Referring physician: Dr. %s\nNPI: %s\nReason for referral: cardiology consult" % (pick(LAST), v))
        add("Health Provider ID", t)


def gen_mrn():
    for k in range(3):
        v = str(R.randint(1000000, 99999999))
        if k == 0:
            t = "MSH|^~\\&|EPIC|RIVERSIDE|LAB|RIVERSIDE|%s||ADT^A01|%s|P|2.5\nPID|1||%s^^^RIVERSIDE^MR||%s^%s||%s|F" % (ts()[:10].replace("-", ""), rd(8), v, pick(LAST).upper(), pick(FIRST).upper(), str(dob()).replace("-", ""))
        elif k == 1:
            t = fs_read("intake/%s.txt" % rd(4), "PATIENT INTAKE FORM\nName: %s\nMedical Record Number (MRN): %s\nPrimary complaint: recurring migraines\nAllergies: penicillin" % (name(), v))
        else:
            t = jira("Wrong chart merged", "Two charts were merged by mistake. Surviving chart MRN %s, please unmerge." % v)
        add("Medical Record Number", t)


def gen_passport():
    vals = [("de", "C" + rs("CFGHJKLMNPRTVWXYZ0123456789", 8), "Reisepassnummer: {v}"),
            ("fr", rd(2) + rs(UP, 2) + rd(5), "Numéro de passeport : {v}"),
            ("es", rs(UP, 3) + rd(6), "Número de pasaporte: {v}"),
            ("en", rd(9), "Passport No.: {v}"),
            ("pl", rs(UP, 2) + rd(7), "Numer paszportu: {v}"),
            ("it", rs(UP, 2) + rd(7), "Numero di passaporto {v}")]
    for k, (lang, v, tpl) in enumerate(vals[:5]):
        phrase = tpl.format(v=v)
        if k == 0:
            t = hr("passport_number", v)
        elif k == 1:
            t = email(lang, "Réservation vol", "Pour l'enregistrement : %s, date d'expiration 2031." % phrase)
        elif k == 2:
            t = toolcall("update_booking", {"booking_ref": rs(UP, 6), "apis": {"passport_number": v, "nationality": "ESP"}})
        elif k == 3:
            t = zendesk("Visa letter", "Please issue the invitation letter. %s, nationality: US." % phrase)
        else:
            t = slack(phrase + " - do rezerwacji hotelu")
        add("Passport Number", t)


def gen_routing():
    for k in range(4):
        v = aba()
        if k == 0:
            t = fs_read("payroll/direct_deposit_%s.txt" % rd(4), "DIRECT DEPOSIT AUTHORIZATION\nEmployee: %s\nBank: First Harbor Credit Union\nRouting number (ABA): %s\nDeposit: 100%% of net pay" % (name(), v))
        elif k == 1:
            t = db_rows("routing_number", v, "payout_accounts", plan_col)
        elif k == 2:
            t = slack("wire instructions: ABA routing %s, reference INV-%s" % (v, rd(5)))
        else:
            t = toolcall("validate_bank", {"routing_number": v, "country": "US"})
        add("Bank Routing Number", t)


def gen_account():
    vals = [("en", rd(12), "Account number: {v}"), ("en", rd(10), "Checking acct # {v}"),
            ("de", rd(10), "Kontonummer: {v}"), ("en", rd(8), "Account no. {v}")]
    for k, (lang, v, tpl) in enumerate(vals):
        phrase = tpl.format(v=v)
        if k == 0:
            t = fs_read("payroll/dd_%s.txt" % rd(4), "Employee: %s\nAccount type: Checking\n%s\nEffective: next pay period" % (name(), phrase))
        elif k == 1:
            t = zendesk("Refund", "Please refund to my bank. %s at Lakeside Community Bank." % phrase)
        elif k == 2:
            t = email("de", "Bankverbindung Altvertrag", "für den Altvertrag gilt noch die alte Verbindung, %s bei der Sparkasse." % phrase)
        else:
            t = hr("bank_account_number", v)
        add("Bank Account", t)


def gen_bic():
    for k, (cc, lang) in enumerate([("DE", "de"), ("FR", "fr"), ("IT", "it"), ("NL", "nl")]):
        v = bic(cc)
        if k == 0:
            t = email("de", "Auslandsüberweisung", "für die Überweisung aus der Schweiz brauchst du noch den BIC: %s" % v)
        elif k == 1:
            t = db_rows("bic", v, "suppliers", plan_col)
        elif k == 2:
            t = slack("codice SWIFT/BIC della banca: %s" % v)
        else:
            t = fs_read("finance/payment_instructions.txt", "Beneficiary bank: Vela Bank N.V.\nSWIFT/BIC: %s\nCurrency: EUR" % v)
        add("BIC", t)


def gen_basic():
    users = ["svc-deploy", "admin", "reporting", "jenkins", "api_user"]
    for k in range(4):
        cred = base64.b64encode(("%s:%s" % (pick(users), password())).encode()).decode()
        host = pick(["api.nordwind-shop.de", "registry.vela.io", "erp.atelier-moreau.fr", "metrics.kraken-labs.net"])
        if k == 0:
            t = "$ curl -v https://%s/v1/reports\n*   Trying 10.20.3.14:443...\n* Connected to %s\n> GET /v1/reports HTTP/1.1\n> Host: %s\n> Authorization: Basic %s\n> User-Agent: curl/8.5.0\n> Accept: */*\n>\n< HTTP/1.1 200 OK" % (host, host, host, cred)
        elif k == 1:
            t = json.dumps({"log": {"entries": [{"request": {"method": "GET", "url": "https://%s/export.csv" % host,
                                                             "headers": [{"name": "Accept", "value": "text/csv"}, {"name": "Authorization", "value": "Basic " + cred}]},
                                                 "response": {"status": 200}}]}}, indent=1)
        elif k == 2:
            t = fs_read("scripts/export.py", "import requests\n\nHEADERS = {\n    \"Authorization\": \"Basic %s\",\n    \"Accept\": \"application/json\",\n}\n\nr = requests.get(\"https://%s/api/export\", headers=HEADERS, timeout=30)\n" % (cred, host))
        else:
            t = "2024/05/14 09:12:44 [debug] 2211#2211: *418 http header: \"Authorization: Basic %s\"\n2024/05/14 09:12:44 [debug] 2211#2211: *418 http header: \"Host: %s\"" % (cred, host)
        add("Basic Auth Credentials", t)


def gen_secrets():
    # API Key (generic)
    for k in range(5):
        v = pick([rs(HEX, 32), rs(ALNUM, 40), rs(ALNUM, 32)])
        if k == 0:
            t = "$ curl -s -H 'X-API-Key: %s' https://api.weatherline.io/v2/forecast?city=Berlin\n{\"status\":\"ok\",\"items\":[]}" % v
        elif k == 1:
            t = keyed("DD_API_KEY", v)
        else:
            t = keyed(pick(["PARTNER_API_KEY", "GEOCODER_API_KEY", "ACME_APIKEY", "api_key"]), v)
        add("API Key", t)
    # AWS access key
    for k in range(5):
        v = pick(["AKIA", "AKIA", "ASIA"]) + rs(UP + "234567", 16)
        if k == 0:
            t = "$ aws iam list-access-keys --user-name ci-deployer\n" + json.dumps({"AccessKeyMetadata": [{"UserName": "ci-deployer", "AccessKeyId": v, "Status": "Active", "CreateDate": ts()}]}, indent=4)
        elif k == 1:
            t = json.dumps({"eventVersion": "1.08", "userIdentity": {"type": "IAMUser", "principalId": "AIDA" + rs(UP + "234567", 17), "accessKeyId": v, "userName": "backup-bot"}, "eventTime": ts(), "eventSource": "s3.amazonaws.com", "eventName": "GetObject", "awsRegion": "eu-west-1"})
        else:
            t = keyed("AWS_ACCESS_KEY_ID", v)
        add("AWS Access Key", t)
    # AWS secret key
    for k in range(4):
        v = rs(ALNUM + "/+", 40)
        if k == 0:
            t = "$ aws configure get aws_secret_access_key --profile prod\n" + v
        else:
            t = keyed("AWS_SECRET_ACCESS_KEY", v)
        add("AWS Secret Key", t)
    # AWS session token
    for k in range(3):
        v = pick(["IQoJb3JpZ2luX2VjE", "FwoGZXIvYXdzE"]) + rs(ALNUM + "/+", R.randint(340, 620))
        if k == 0:
            t = fs_read("/home/ci/.aws/credentials", "[default]\nregion = eu-central-1\noutput = json\n\n[assumed]\naws_session_token = %s" % v)
        else:
            t = keyed("AWS_SESSION_TOKEN", v)
        add("AWS Session Token", t)
    # Anthropic
    for k in range(4):
        v = "sk-ant-api03-" + rs(URLSAFE, 93) + "AA"
        if k == 0:
            t = fs_read("agent/main.py", "import anthropic\n\nclient = anthropic.Anthropic(api_key=\"%s\")\n\nmsg = client.messages.create(model=\"claude-sonnet-4-5\", max_tokens=512, messages=[{\"role\": \"user\", \"content\": \"hi\"}])\n" % v)
        elif k == 1:
            t = toolcall("http_request", {"method": "POST", "url": "https://api.anthropic.com/v1/messages", "headers": {"x-api-key": v, "anthropic-version": "2023-06-01"}})
        else:
            t = keyed("ANTHROPIC_API_KEY", v)
        add("Anthropic API Key", t)
    # Azure AD client secret
    for k in range(3):
        v = rs(ALNUM, 3) + pick(DIG) + "Q~" + rs(ALNUM + "_-.~", 34)
        if k == 0:
            t = fs_read("appsettings.Production.json", json.dumps({"AzureAd": {"Instance": "https://login.microsoftonline.com/", "TenantId": uid(), "ClientId": uid(), "ClientSecret": v}, "Logging": {"LogLevel": {"Default": "Information"}}}, indent=2))
        else:
            t = keyed("AZURE_CLIENT_SECRET", v)
        add("Azure AD Client Secret", t)
    # Azure SAS
    for k in range(3):
        sig = base64.b64encode(rbytes(32)).decode().replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
        sas = "sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2025-%02d-28T18:00:00Z&st=2024-%02d-01T08:00:00Z&spr=https&sig=%s" % (R.randint(1, 12), R.randint(1, 12), sig)
        acct = pick(["nordwindexports", "velarawdata", "moreauassets"])
        if k == 0:
            t = "2024-09-12 10:04:11 INFO downloader: fetching https://%s.blob.core.windows.net/exports/orders-2024-09.csv?%s" % (acct, sas)
        elif k == 1:
            t = fs_read("local.settings.json", json.dumps({"IsEncrypted": False, "Values": {"FUNCTIONS_WORKER_RUNTIME": "python", "ExportConnection": "BlobEndpoint=https://%s.blob.core.windows.net/;SharedAccessSignature=%s" % (acct, sas)}}, indent=2))
        else:
            t = teams("Link für den Upload (gilt bis Monatsende): https://%s.blob.core.windows.net/uploads?%s" % (acct, sas.replace("&", "&amp;")))
        add("Azure SAS Token", t)
    # Azure storage key
    for k in range(3):
        v = base64.b64encode(rbytes(64)).decode()
        acct = pick(["nordwindprod", "velalake01", "moreaumedia"])
        if k == 0:
            t = fs_read("appsettings.json", json.dumps({"ConnectionStrings": {"Storage": "DefaultEndpointsProtocol=https;AccountName=%s;AccountKey=%s;EndpointSuffix=core.windows.net" % (acct, v)}}, indent=2))
        elif k == 1:
            t = "$ az storage account keys list -g rg-prod -n %s --query \"[0]\"\n" % acct + json.dumps({"creationTime": ts(), "keyName": "key1", "permissions": "FULL", "value": v}, indent=2)
        else:
            t = keyed("AZURE_STORAGE_KEY", v)
        add("Azure Storage Key", t)
    # Bearer
    for k in range(4):
        v = rs(ALNUM, R.randint(40, 64))
        if k == 0:
            t = "$ curl -H \"Authorization: Bearer %s\" https://api.nordwind-shop.de/v2/orders?limit=5\n{\"orders\":[],\"next\":null}" % v
        elif k == 1:
            t = json.dumps({"log": {"entries": [{"request": {"method": "GET", "url": "https://crm.vela.io/api/contacts?page=2", "headers": [{"name": "Authorization", "value": "Bearer " + v}, {"name": "Accept", "value": "application/json"}]}, "response": {"status": 200}}]}}, indent=1)
        elif k == 2:
            t = "> GET /internal/metrics HTTP/1.1\n> Host: ops.kraken-labs.net\n> Authorization: Bearer %s\n>\n< HTTP/1.1 403 Forbidden" % v
        else:
            t = slack(share("`Authorization: Bearer %s`" % v))
        add("Bearer Token", t)
    # Database URL
    for k in range(6):
        u = pick(["app", "shop_rw", "analytics", "admin", "billing"])
        host = pick(["db.internal", "pg-prod-01.c9x2.eu-central-1.rds.amazonaws.com", "10.0.4.12", "mysql.nordwind.local"])
        pw = db_pw()
        v = [
            "postgres://%s:%s@%s:5432/shop" % (u, pw, host),
            "postgresql://%s:%s@%s/analytics?sslmode=require" % (u, pw, host),
            "mysql://%s:%s@%s:3306/crm" % (u, pw, host),
            "mongodb+srv://%s:%s@cluster0.%s.mongodb.net/orders?retryWrites=true&w=majority" % (u, pw, rs(LO + DIG, 5)),
            "redis://default:%s@%s:6379/0" % (pw, host),
            "postgresql+psycopg2://%s:%s@%s:5432/reports" % (u, pw, host),
        ][k]
        if k == 5:
            t = k8s_secret("reports-db", "DATABASE_URL", v, {"POOL_SIZE": base64.b64encode(b"10").decode()})
        else:
            t = keyed({3: "MONGO_URI", 4: "REDIS_URL"}.get(k, pick(["DATABASE_URL", "DB_DSN"])), v)
        add("Database URL With Password", t)
    # Discord bot
    for k in range(3):
        idn = str(R.randint(700000000000000000, 1300000000000000000))
        v = base64.b64encode(idn.encode()).decode().rstrip("=") + "." + rs(URLSAFE, 6) + "." + rs(URLSAFE, 38)
        if k == 0:
            t = fs_read("bot.py", "import discord\n\nintents = discord.Intents.default()\nclient = discord.Client(intents=intents)\n\n@client.event\nasync def on_ready():\n    print('ready')\n\nclient.run('%s')\n" % v)
        else:
            t = keyed("DISCORD_TOKEN", v)
        add("Discord Bot Token", t)
    # Discord webhook
    for k in range(3):
        v = "https://discord.com/api/webhooks/%d/%s" % (R.randint(1000000000000000000, 1300000000000000000), rs(URLSAFE, 68))
        if k == 0:
            t = "$ curl -H 'Content-Type: application/json' -d '{\"content\":\"build #%s ok\"}' %s" % (rd(3), v)
        elif k == 1:
            t = fs_read("alertmanager.yml", "route:\n  receiver: discord\nreceivers:\n  - name: discord\n    discord_configs:\n      - webhook_url: '%s'\n        send_resolved: true" % v)
        else:
            t = gh_pr_review("Please don't hardcode this: `%s`" % v, "notify/discord.go")
        add("Discord Webhook", t)
    # GCP SA key
    for k in range(3):
        proj = pick(["nordwind-prod-4471", "atelier-data-218", "vela-analytics", "kraken-ml-staging"])
        sa = pick(["ci-deployer", "bq-export", "vertex-runner", "storage-sync"])
        d = {"type": "service_account", "project_id": proj, "private_key_id": rs(HEX, 40),
             "private_key": pem("pkcs8") + "\n", "client_email": "%s@%s.iam.gserviceaccount.com" % (sa, proj),
             "client_id": rd(21), "auth_uri": "https://accounts.google.com/o/oauth2/auth",
             "token_uri": "https://oauth2.googleapis.com/token",
             "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
             "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/%s%%40%s.iam.gserviceaccount.com" % (sa, proj),
             "universe_domain": "googleapis.com"}
        body = json.dumps(d, indent=2)
        if k == 0:
            t = fs_read("secrets/gcp-sa.json", body)
        elif k == 1:
            t = toolcall("write_file", {"path": "/tmp/key.json", "content": body})
        else:
            t = "$ cat $GOOGLE_APPLICATION_CREDENTIALS\n" + body
        add("GCP Service Account Key", t)
    # GitHub
    for k in range(6):
        v = [crc_token("ghp_"), crc_token("gho_"), crc_token("ghs_"), "github_pat_" + rs(ALNUM, 22) + "_" + rs(ALNUM, 59),
             crc_token("ghu_"), crc_token("ghp_")][k]
        if k == 0:
            t = gh_comment(share("\n```\nGITHUB_TOKEN=%s\n```" % v, "de"))
        elif k == 3:
            t = fs_read(".github/workflows/release.yml", "name: release\non:\n  push:\n    tags: ['v*']\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    env:\n      GH_TOKEN: %s\n    steps:\n      - uses: actions/checkout@v4\n      - run: gh release create ${{ github.ref_name }} --generate-notes" % v)
        else:
            t = keyed(pick(["GITHUB_TOKEN", "GH_TOKEN", "GH_PAT"]), v)
        add("GitHub Token", t)
    # GitLab
    for k in range(4):
        v = "glpat-" + rs(URLSAFE, 20)
        if k == 0:
            t = "$ curl --header \"PRIVATE-TOKEN: %s\" \"https://gitlab.nordwind.de/api/v4/projects/42/pipelines?status=failed\"\n[]" % v
        elif k == 1:
            t = fs_read("/home/dev/.python-gitlab.cfg", "[global]\ndefault = corp\nssl_verify = true\ntimeout = 5\n\n[corp]\nurl = https://gitlab.nordwind.de\nprivate_token = %s\napi_version = 4" % v)
        else:
            t = keyed("GITLAB_TOKEN", v)
        add("GitLab Token", t)
    # Google API
    for k in range(4):
        v = "AIzaSy" + rs(URLSAFE, 33)
        if k == 0:
            t = fs_read("public/index.html", "<!doctype html>\n<html>\n<head>\n  <title>Filialfinder</title>\n  <script src=\"https://maps.googleapis.com/maps/api/js?key=%s&callback=initMap\" async defer></script>\n</head>\n<body><div id=\"map\"></div></body>\n</html>" % v)
        elif k == 1:
            t = fs_read("app/google-services.json", json.dumps({"project_info": {"project_number": rd(12), "project_id": "nordwind-app"}, "client": [{"client_info": {"mobilesdk_app_id": "1:%s:android:%s" % (rd(12), rs(HEX, 16))}, "api_key": [{"current_key": v}]}]}, indent=2))
        else:
            t = keyed("GOOGLE_MAPS_API_KEY", v)
        add("Google API Key", t)
    # Google OAuth
    for k in range(3):
        v = "ya29.a0" + rs(URLSAFE, R.randint(160, 220))
        if k == 0:
            t = "$ gcloud auth print-access-token\n" + v
        elif k == 1:
            t = json.dumps({"access_token": v, "expires_in": 3599, "scope": "https://www.googleapis.com/auth/drive.readonly", "token_type": "Bearer"}, indent=2)
        else:
            t = keyed("GOOGLE_ACCESS_TOKEN", v)
        add("Google OAuth Token", t)
    # Hugging Face
    for k in range(3):
        v = "hf_" + rs(LET, 34)
        if k == 0:
            t = "$ huggingface-cli login --token %s\nToken is valid (permission: write).\nLogin successful" % v
        else:
            t = keyed("HF_TOKEN", v)
        add("Hugging Face Token", t)
    # JWT
    for k in range(4):
        v = jwt()
        if k == 0:
            t = json.dumps({"log": {"entries": [{"request": {"method": "GET", "url": "https://portal.nordwind-shop.de/account", "cookies": [{"name": "session", "value": v, "httpOnly": True}]}, "response": {"status": 200}}]}}, indent=1)
        elif k == 1:
            t = json.dumps({"id_token": v, "token_type": "Bearer", "expires_in": 3600}, indent=2)
        elif k == 2:
            t = "2024-11-03T07:21:09Z WARN auth-middleware: token validation failed token=%s reason=audience_mismatch" % v
        else:
            t = slack(share(v))
        add("JSON Web Token", t)
    # Mailgun
    for k in range(3):
        v = "key-" + rs(HEX, 32)
        if k == 0:
            t = fs_read("mailer.py", "import requests\n\nMAILGUN_DOMAIN = 'mg.nordwind-shop.de'\nMAILGUN_KEY = '%s'\n\ndef send(to, subject, text):\n    return requests.post(f'https://api.eu.mailgun.net/v3/{MAILGUN_DOMAIN}/messages', auth=('api', MAILGUN_KEY), data={'to': to, 'subject': subject, 'text': text})\n" % v)
        else:
            t = keyed("MAILGUN_API_KEY", v)
        add("Mailgun API Key", t)
    # npm
    for k in range(3):
        v = crc_token("npm_")
        if k == 0:
            t = fs_read("/home/ci/.npmrc", "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=%s\nsave-exact=true" % v)
        else:
            t = keyed("NPM_TOKEN", v)
        add("npm Token", t)
    # OpenAI
    for k in range(5):
        v = [("sk-proj-" + rs(URLSAFE, 74) + "T3BlbkFJ" + rs(URLSAFE, 74)), ("sk-" + rs(ALNUM, 20) + "T3BlbkFJ" + rs(ALNUM, 20)),
             ("sk-svcacct-" + rs(URLSAFE, 74) + "T3BlbkFJ" + rs(URLSAFE, 74)), ("sk-proj-" + rs(URLSAFE, 74) + "T3BlbkFJ" + rs(URLSAFE, 74)),
             ("sk-" + rs(ALNUM, 20) + "T3BlbkFJ" + rs(ALNUM, 20))][k]
        if k == 0:
            t = fs_read("notebooks/eval.py", "from openai import OpenAI\n\nclient = OpenAI(api_key=\"%s\")\nresp = client.chat.completions.create(model=\"gpt-4o-mini\", messages=[{\"role\": \"user\", \"content\": \"ping\"}])\nprint(resp.choices[0].message.content)\n" % v)
        elif k == 1:
            t = gh_comment(share("`OPENAI_API_KEY=%s`" % v, "es"))
        else:
            t = keyed("OPENAI_API_KEY", v)
        add("OpenAI API Key", t)
    # Password
    for k in range(7):
        v = password()
        if k == 0:
            t = fs_read("src/main/resources/application.properties", "spring.datasource.url=jdbc:postgresql://db.internal:5432/shop\nspring.datasource.username=shop_app\nspring.datasource.password=%s\nspring.jpa.hibernate.ddl-auto=validate" % v)
        elif k == 1:
            t = slack(pick(["das WLAN-Passwort im Lager ist jetzt %s", "le mot de passe du compte admin est %s", "hasło do panelu: %s", "la contraseña del router es %s"]) % v)
        elif k == 2:
            t = "$ docker inspect pg-main --format '{{json .Config.Env}}'\n" + json.dumps(["POSTGRES_USER=shop", "POSTGRES_PASSWORD=%s" % v, "POSTGRES_DB=shop", "PGDATA=/var/lib/postgresql/data"])
        elif k == 3:
            t = k8s_secret("smtp-credentials", "password", v, {"username": base64.b64encode(b"mailer").decode()})
        elif k == 4:
            t = fs_read("config/database.yml", "production:\n  adapter: postgresql\n  host: db.internal\n  database: shop_production\n  username: shop\n  password: \"%s\"\n  pool: 10" % v)
        elif k == 5:
            t = jira("Zugang für neuen Kollegen", "Login für das ERP: Benutzer m.weber, Passwort: %s (bitte beim ersten Login ändern)" % v)
        else:
            t = keyed(pick(["DB_PASSWORD", "SMTP_PASSWORD", "ADMIN_PASSWORD"]), v)
        add("Password", t)
    # Private key
    for k, kind in enumerate(["rsa", "openssh", "ec", "pkcs8", "encrypted"]):
        p = pem(kind)
        if k == 0:
            t = "$ cat ~/.ssh/deploy_rsa\n" + p
        elif k == 1:
            t = mcp_text(p)
        elif k == 2:
            t = fs_read("certs/server.key", p)
        elif k == 3:
            t = "$ kubectl get secret shop-tls -n prod -o yaml\napiVersion: v1\ndata:\n  tls.key: %s\nkind: Secret\nmetadata:\n  name: shop-tls\n  namespace: prod\ntype: kubernetes.io/tls" % base64.b64encode(p.encode()).decode()
        else:
            t = gh_comment("Here is the key the vendor sent us, we need it for the SFTP drop:\n```\n%s\n```" % p)
        add("Private Key", t)
    # PyPI
    for k in range(3):
        v = "pypi-AgEIcHlwaS5vcmcCJ" + rs(URLSAFE, R.randint(140, 170))
        if k == 0:
            t = fs_read("/home/dev/.pypirc", "[distutils]\nindex-servers =\n    pypi\n\n[pypi]\nusername = __token__\npassword = %s" % v)
        else:
            t = keyed(pick(["TWINE_PASSWORD", "PYPI_TOKEN"]), v)
        add("PyPI Token", t)
    # SendGrid
    for k in range(3):
        v = "SG." + rs(URLSAFE, 22) + "." + rs(URLSAFE, 43)
        if k == 0:
            t = fs_read("src/mail.js", "const sgMail = require('@sendgrid/mail');\nsgMail.setApiKey('%s');\n\nmodule.exports = (msg) => sgMail.send(msg);\n" % v)
        else:
            t = keyed("SENDGRID_API_KEY", v)
        add("SendGrid API Key", t)
    # Shopify
    for k in range(3):
        v = pick(["shpat_", "shpat_", "shpss_", "shpca_"]) + rs(HEX, 32)
        t = keyed(pick(["SHOPIFY_ACCESS_TOKEN", "SHOPIFY_API_SECRET"]), v) if k else \
            "$ curl -H 'X-Shopify-Access-Token: %s' https://moreau-boutique.myshopify.com/admin/api/2024-04/orders.json?status=any" % v
        add("Shopify Token", t)
    # Slack token
    for k in range(4):
        v = ["xoxb-%s-%s-%s" % (rd(12), rd(13), rs(ALNUM, 24)), "xoxp-%s-%s-%s-%s" % (rd(12), rd(12), rd(13), rs(HEX, 32)),
             "xapp-1-A%s-%s-%s" % (rs(UP + DIG, 10), rd(13), rs(HEX, 64)), "xoxb-%s-%s-%s" % (rd(11), rd(13), rs(ALNUM, 24))][k]
        if k == 0:
            t = fs_read("bot/app.py", "from slack_bolt import App\n\napp = App(token=\"%s\", signing_secret=os.environ[\"SLACK_SIGNING_SECRET\"])\n" % v)
        else:
            t = keyed(pick(["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_TOKEN"]), v)
        add("Slack Token", t)
    # Slack webhook
    for k in range(3):
        v = "https://hooks.slack.com/services/T%s/B%s/%s" % (rs(UP + DIG, R.randint(8, 10)), rs(UP + DIG, R.randint(8, 10)), rs(ALNUM, 24))
        if k == 0:
            t = "$ curl -X POST -H 'Content-type: application/json' --data '{\"text\":\"Nightly backup finished\"}' %s\nok" % v
        else:
            t = keyed("SLACK_WEBHOOK_URL", v)
        add("Slack Webhook", t)
    # Stripe
    for k in range(4):
        v = ["sk_live_" + rs(ALNUM, 24), "sk_live_51" + rs(ALNUM, 96), "rk_live_51" + rs(ALNUM, 96), "sk_live_" + rs(ALNUM, 24)][k]
        if k == 0:
            t = k8s_secret("payments", "STRIPE_SECRET_KEY", v, {"STRIPE_MODE": base64.b64encode(b"live").decode()})
        elif k == 1:
            t = zendesk("Integration help", "Hola, nuestro desarrollador dejó esto en el plugin y no funciona: %s ¿Qué hacemos?" % v)
        else:
            t = keyed(pick(["STRIPE_SECRET_KEY", "STRIPE_API_KEY"]), v)
        add("Stripe Secret Key", t)
    # Telegram
    for k in range(3):
        v = "%d:AA%s" % (R.randint(1000000000, 7999999999), rs(URLSAFE, 33))
        if k == 0:
            t = "$ curl -s https://api.telegram.org/bot%s/sendMessage -d chat_id=-100%s -d text='Backup OK'\n{\"ok\":true}" % (v, rd(10))
        else:
            t = keyed("TELEGRAM_BOT_TOKEN", v)
        add("Telegram Bot Token", t)
    # Twilio
    for k in range(3):
        v = rs(HEX, 32)
        if k == 0:
            t = fs_read("sms/notify.py", "from twilio.rest import Client\n\nACCOUNT_SID = 'AC%s'\nAUTH_TOKEN = '%s'\nclient = Client(ACCOUNT_SID, AUTH_TOKEN)\n" % (rs(HEX, 32), v))
        else:
            t = keyed("TWILIO_AUTH_TOKEN", v)
        add("Twilio Auth Token", t)
    # URL with credentials
    for k in range(4):
        u = pick(["deploy", "ftpuser", "ci-bot", "reports"])
        pw = password().replace("@", "x").replace("#", "9").replace("?", "7").replace("/", "z")
        v = ["https://%s:%s@nexus.nordwind.de/repository/npm-private/" % (u, pw), "ftp://%s:%s@ftp.atelier-moreau.fr/exports/" % (u, pw),
             "https://%s:%s@jenkins.vela.io/job/deploy/buildWithParameters?ENV=prod" % (u, pw), "sftp://%s:%s@files.kraken-labs.net:2222/incoming" % (u, pw)][k]
        if k == 0:
            t = fs_read(".npmrc", "registry=%s\nalways-auth=true" % v)
        elif k == 1:
            t = "$ lftp -e 'mirror exports/ ./dl; bye' %s\nTotal: 3 directories, 41 files, 0 symlinks" % v
        elif k == 2:
            t = "[Pipeline] sh\n+ curl -X POST '%s'\n[Pipeline] }\nFinished: SUCCESS" % v
        else:
            t = keyed("SFTP_URL", v)
        add("URL With Credentials", t)


# =================================================================== NEGATIVES
def neg_luhn_bad():
    num = card(pick(["visa", "mc5", "mc2", "amex", "discover"]))
    bad = num[:-1] + str((int(num[-1]) + R.randint(1, 9)) % 10)
    assert not luhn_ok(bad)
    return bad


def neg_iban_bad(cc):
    ib = iban(cc)
    chk = int(ib[2:4])
    for delta in range(1, 97):
        cand = ib[:2] + "%02d" % ((chk + delta) % 100) + ib[4:]
        if cand[2:4] not in ("00", "01", "99") and not iban_ok(cand):
            return cand


def gen_negatives():
    N = []
    log = "\n".join("%s %s" % (rs(HEX, 7), m) for m in ["fix(api): handle empty cart", "chore(deps): bump axios to 1.7.2", "feat: add SEPA export", "docs: update README", "refactor: split billing service", "test: cover refund edge cases"])
    N.append("$ git log --oneline -6\n" + log)
    N.append("commit %s\nMerge: %s %s\nDate:   Tue Apr 16 10:22:31 2024 +0200\n\n    Merge pull request #%d from feature/iban-validation" % (rs(HEX, 40), rs(HEX, 7), rs(HEX, 7), R.randint(100, 900)))
    N.append(json.dumps([{"sha": rs(HEX, 40), "commit": {"message": "Bump version to 3.2.%d" % R.randint(0, 20), "tree": {"sha": rs(HEX, 40)}}, "parents": [{"sha": rs(HEX, 40)}]}], indent=2))
    N.append("$ sha256sum dist/*\n" + "\n".join("%s  dist/%s" % (rs(HEX, 64), f) for f in ["app-3.2.1.tar.gz", "app-3.2.1-py3-none-any.whl", "checksums.txt"]))
    N.append("$ docker images --digests\nREPOSITORY                 TAG     DIGEST                                                                    IMAGE ID       SIZE\nregistry.internal/billing  2.8.1   sha256:%s   %s   212MB" % (rs(HEX, 64), rs(HEX, 12)))
    N.append(json.dumps({"request_id": uid(), "trace_id": rs(HEX, 32), "span_id": rs(HEX, 16), "status": 200, "duration_ms": 41}))
    N.append("$ kubectl get pod api-7d9f8c6b5-x2kqp -o yaml | head -12\napiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: \"%s\"\n  generateName: api-7d9f8c6b5-\n  name: api-7d9f8c6b5-x2kqp\n  namespace: prod\n  resourceVersion: \"%d\"\n  uid: %s" % (ts(), R.randint(1000000, 99999999), uid()))
    N.append(env_file("AZURE_CLIENT_ID", uid()) + "\nAZURE_TENANT_ID=%s\nAZURE_SUBSCRIPTION_ID=%s" % (uid(), uid()))
    N.append(fs_read(".env.example", "# copy to .env and fill in\nOPENAI_API_KEY=YOUR_API_KEY\nSTRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\nDATABASE_URL=postgres://<user>:<password>@<host>:5432/<db>\nSLACK_WEBHOOK_URL=https://hooks.slack.com/services/XXXXXXXXX/XXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX"))
    N.append("## Quickstart\n\n```bash\nexport ANTHROPIC_API_KEY=\"sk-ant-...\"\ncurl https://api.example.com/v1/items -H \"Authorization: Bearer <token>\"\n```")
    N.append("$ aws configure\nAWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE\nAWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nDefault region name [None]: us-west-2\nDefault output format [None]: json")
    N.append(fs_read(".github/workflows/deploy.yml", "jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      DATABASE_URL: ${{ secrets.DATABASE_URL }}\n      STRIPE_SECRET_KEY: ${{ secrets.STRIPE_SECRET_KEY }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm run deploy"))
    N.append(fs_read("src/config.py", "import os\n\nOPENAI_API_KEY = os.environ.get(\"OPENAI_API_KEY\")\nDB_PASSWORD = os.getenv(\"DB_PASSWORD\", \"\")\nSTRIPE_KEY = os.environ[\"STRIPE_SECRET_KEY\"]\n"))
    N.append(fs_read("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: shop\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n  api:\n    environment:\n      JWT_SECRET: ${JWT_SECRET:?err}\n      SMTP_PASSWORD: \"\""))
    N.append(json.dumps({"user": "m.weber", "password": "********", "api_key": "sk-...%s" % rs(ALNUM, 4), "token": "[REDACTED]"}))
    N.append(zendesk("Zahlung", "Die Karte **** **** **** %s wurde belastet, IBAN DE** **** **** **** **%s %s." % (rd(4), rd(2), rd(2))))
    N.append(json.dumps({"smtp": {"host": "smtp.internal", "port": 587, "user": "mailer", "password": None}, "db": {"password": ""}}, indent=2))
    N.append("2024-05-02T11:04:55.1Z ##[group]Run ./deploy.sh\n2024-05-02T11:04:55.1Z env:\n2024-05-02T11:04:55.1Z   STRIPE_SECRET_KEY: ***\n2024-05-02T11:04:55.1Z   DATABASE_URL: ***\n2024-05-02T11:04:57.8Z Deploy finished in 2.7s")
    N.append("In test mode, use the card number 4242 4242 4242 4242 with any future expiration date and any 3-digit CVC.")
    N.append("Testkarten für die Sandbox: Visa 4111 1111 1111 1111, Mastercard 5555 5555 5555 4444 – diese funktionieren nur im Testmodus.")
    for _ in range(3):
        b = neg_luhn_bad()
        N.append(pick(["Referenz: %s", "Sendungsreferenz %s", "Your confirmation code is %s", "Numéro de dossier : %s"]) % groups(b))
    for cc in ["DE", "FR", "NL"]:
        b = neg_iban_bad(cc)
        N.append(pick(["Validation failed: IBAN %s has an invalid checksum.", "Die IBAN %s ist ungültig (Prüfziffer falsch).", "IBAN rejeté : %s"]) % groups(b))
    N.append("Bestellnummer 302-%s-%s, Lieferung voraussichtlich am 14.05." % (rd(7), rd(7)))
    N.append(json.dumps({"invoice_number": "RE-2024-%06d" % R.randint(1, 999999), "order_id": "ORD-%s" % rd(10), "total": 149.9, "currency": "EUR"}))
    N.append("Tracking: 1Z%s%s (UPS), PostNL 3S%s%s" % (rs(UP + DIG, 6), rd(10), rs(UP, 4), rd(7)))
    N.append("Literatur: ISBN 978-3-16-148410-0; ISBN 978-0-306-40615-7; ISBN 0-306-40615-2")
    N.append("## Changelog\n- v3.14.2 (2024-06-03): fix memory leak\n- v3.14.1: node 20.11.1, npm 10.2.4, python 3.12.3\n- v3.14.0: build 20240528.4")
    N.append("2024-03-18T09:41:27.512Z request received ts=1710754887 ts_ms=1710754887512 elapsed=0.0042s")
    N.append("10.0.12.7 - - [18/Mar/2024:09:41:27 +0000] \"GET /api/v2/products?page=3 HTTP/1.1\" 200 5123 \"-\" \"Mozilla/5.0\" 0.012\n192.168.1.44 - - [18/Mar/2024:09:41:28 +0000] \"POST /api/v2/cart HTTP/1.1\" 201 88 \"-\" \"okhttp/4.12.0\" 0.031")
    N.append("<img alt=\"logo\" src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAYAAACqaXHeAAAA%s\">" % rs(B64, 300))
    N.append(fs_read("package-lock.json", json.dumps({"node_modules/axios": {"version": "1.7.2", "resolved": "https://registry.npmjs.org/axios/-/axios-1.7.2.tgz", "integrity": "sha512-" + base64.b64encode(rbytes(64)).decode()}}, indent=2)))
    N.append("lodash@^4.17.21:\n  version \"4.17.21\"\n  resolved \"https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz#%s\"\n  integrity sha1-%s" % (rs(HEX, 40), base64.b64encode(rbytes(20)).decode()))
    N.append(json.dumps([{"username": u, "password_hash": "$2b$12$" + rs(ALNUM + "./", 53)} for u in ["mweber", "jdubois", "admin"]], indent=1))
    N.append("stored hash: $argon2id$v=19$m=65536,t=3,p=4$%s$%s" % (b64u(rbytes(16)), b64u(rbytes(32))))
    N.append(fs_read("/home/deploy/.ssh/authorized_keys", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s ci-runner-2024\nssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ%s laptop-erik" % (rs(B64, 43), rs(B64, 500))))
    N.append(fs_read("certs/ca.crt", "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE%s\n%s\n-----END CERTIFICATE-----" % (rs(B64, 44), "\n".join(rs(B64, 64) for _ in range(14)))))
    N.append("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBG%s\n%s\n=%s\n-----END PGP PUBLIC KEY BLOCK-----" % (rs(B64, 58), "\n".join(rs(B64, 64) for _ in range(8)), rs(B64, 4)))
    N.append("Ersatzteil Art.-Nr. 0151-233-4410-B (Dichtungssatz), passend für Modell 7700-900; Lagerplatz 49-15-22")
    N.append("SKU list: 4-0066-1532-9, 31-6-7788-12, 2024-0815-77")
    N.append("arn:aws:iam::%s:role/ci-deployer\narn:aws:s3:::nordwind-exports-%s/2024/09/*" % (rd(12), rd(12)))
    N.append("< HTTP/1.1 200 OK\n< x-amz-request-id: %s\n< x-amz-id-2: %s\n< ETag: \"%s\"" % (rs(UP + DIG, 16), base64.b64encode(rbytes(57)).decode(), rs(HEX, 32)))
    N.append(slack("deploy of `%s` done, channel C0%s, see thread" % (rs(HEX, 7), rs(UP + DIG, 8))))
    N.append("<script src=\"https://js.stripe.com/v3/\"></script>\n<script>const stripe = Stripe('pk_live_%s');</script>" % rs(ALNUM, 99))
    N.append("maps:\n  api_key: AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX  # replace me")
    N.append("OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nGITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
    N.append("$ md5sum backup-2024-09-*.sql.gz\n%s  backup-2024-09-01.sql.gz\n%s  backup-2024-09-02.sql.gz" % (rs(HEX, 32), rs(HEX, 32)))
    N.append(json.dumps({"event_id": rs(HEX, 32), "level": "error", "platform": "python", "release": "shop@3.2.1", "exception": {"values": [{"type": "KeyError", "value": "'sku'"}]}}))
    N.append("Faulting application name: ShopSync.exe, version: 4.2.0.118\nException code: 0xc0000005\nFault offset: 0x000000000001a4f2\nFaulting module path: C:/Program Files/ShopSync/core.dll\nReport Id: %s" % uid())
    N.append("java.lang.NullPointerException: Cannot invoke \"Order.getTotal()\" because \"order\" is null\n\tat com.nordwind.billing.InvoiceService.render(InvoiceService.java:212)".replace("\t", "    "))
    N.append(".btn-primary{background:#1f6feb;border-color:#0969da}.alert{color:#cf222e}")
    N.append("Filialen: 52.5200, 13.4050 (Berlin); 48.1351, 11.5820 (München); 45.4642, 9.1900 (Milano)")
    N.append(fs_read("package.json", json.dumps({"name": "shop-web", "version": "3.2.1", "dependencies": {"react": "^18.3.1", "axios": "~1.7.2", "@angular/core": "17.3.1"}}, indent=2)))
    N.append("$ kubectl describe secret db-credentials -n prod\nName:         db-credentials\nNamespace:    prod\nType:  Opaque\n\nData\n====\npassword:  24 bytes\nusername:  4 bytes")
    N.append("$ kubectl get secret feature-flags -o yaml\napiVersion: v1\ndata:\n  ENABLE_BETA: %s\n  PORT: %s\n  REGION: %s\nkind: Secret\nmetadata:\n  name: feature-flags\n  uid: %s" % (base64.b64encode(b"false").decode(), base64.b64encode(b"8080").decode(), base64.b64encode(b"eu-central-1").decode(), uid()))
    N.append(fs_read("values.yaml", "postgresql:\n  auth:\n    existingSecret: shop-db\n    secretKeys:\n      adminPasswordKey: postgres-password\n      userPasswordKey: password"))
    N.append("db_password = \"vault:secret/data/prod/db#password\"\nstripe_key = \"{{resolve:secretsmanager:prod/stripe:SecretString:key}}\"")
    N.append("SSN must be formatted as XXX-XX-XXXX; values like 000-12-3456 or 666-45-1234 are rejected by the validator.")
    N.append("> GET /api/me HTTP/1.1\n> Authorization: Bearer [REDACTED]\n> Cookie: session=<redacted>\n< HTTP/1.1 200 OK")
    N.append("Authorization: Basic <base64(user:password)>  -- see RFC 7617 for details")
    N.append("2024-07-01 12:00:03 INFO login ok user=mweber password=*** ip=10.2.3.4")
    N.append("$ npm i @types/node@20.11.5 react@18.3.1\n$ git remote -v\norigin  https://github.com/nordwind/shop-backend.git (fetch)")
    imei = "35" + rd(12)
    N.append("Gerät: Pixel 8, IMEI %s, Seriennummer %s" % (imei + luhn_digit(imei), rs(UP + DIG, 12)))
    N.append("EAN 4006381333931; GTIN 00012345600012; Artikel 8%s" % rd(12))
    N.append("$ echo %s | base64 -d\nhello from the build server" % base64.b64encode(b"hello from the build server").decode())
    N.append(json.dumps({"id": uid(), "etag": "W/\"%s\"" % rs(HEX, 40), "version": 7, "updatedAt": ts()}))
    N.append("Vorgang 2 O 123/24, Aktenzeichen AZ-%s, Raum 3.14" % rd(6))
    N.append("Windows Registry: HKEY_CLASSES_ROOT\\CLSID\\{%s}" % uid().upper())
    N.append("fib(80) = 23416728348467685; 2^64 = 18446744073709551616")
    N.append(toolcall("search_docs", {"query": "how to rotate the Stripe secret key", "top_k": 5}))
    N.append(gh_comment("Fixed in %s, the SAS token is now read from Key Vault instead of appsettings. Thanks @sanne-dv!" % rs(HEX, 7)))
    N.append(fs_read(".env", "APP_ENV=production\nDB_PASSWORD=\nSTRIPE_SECRET_KEY=\nPORT=8080"))
    N.append("MAC 3c:22:fb:%s:%s:%s, serial C02%s" % (rs(HEX, 2), rs(HEX, 2), rs(HEX, 2), rs(UP + DIG, 8)))
    N.append(json.dumps({"token_type": "Bearer", "expires_in": 3600, "access_token": "<redacted>", "refresh_token": None}))
    return N


def main():
    gen_iban()
    gen_card()
    gen_phone()
    gen_email()
    gen_national_id()
    gen_ssn()
    gen_taxid()
    gen_health_ins()
    gen_npi()
    gen_mrn()
    gen_passport()
    gen_routing()
    gen_account()
    gen_bic()
    gen_basic()
    gen_secrets()
    for t in gen_negatives():
        add("NEG", t)
    with open(OUT, "w", encoding="utf-8") as f:
        for label, text in CASES:
            assert "\t" not in text, (label, text[:80])
            f.write("%s\t%s\n" % (label, text.replace("\r", "").replace("\n", "\\n")))
    c = Counter(l for l, _ in CASES)
    for k in sorted(c):
        print("%-28s %d" % (k, c[k]))
    print("total", len(CASES), "positives", len(CASES) - c["NEG"])


if __name__ == "__main__":
    main()
