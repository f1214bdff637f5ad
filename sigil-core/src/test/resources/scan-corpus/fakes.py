"""Fake values for the SIGIL scanner corpus and pack examples.

Every value here is generated: random bodies from a seeded generator, with check digits computed by the
published algorithms (implemented again here, independently of the Java validators, so that the corpus
checks them). None is a real credential or a real person's identifier.
"""
import base64
import json
import random
import string
import zlib

UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
DIGITS = string.digits
ALNUM = UPPER + LOWER + DIGITS
HEX = "0123456789abcdef"
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
BASE62 = DIGITS + UPPER + LOWER


class Fakes:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def s(self, alphabet, n):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def digits(self, n):
        return self.s(DIGITS, n)

    # ---- cloud -------------------------------------------------------------------------------------
    def aws_key_id(self):
        return self.r.choice(["AKIA", "ASIA"]) + self.s(UPPER + "234567", 16)

    def aws_secret(self):
        return self.s(ALNUM + "+/", 40)

    def aws_session_token(self):
        return self.r.choice(["IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdzE"]) + self.s(B64, 300)

    def aws_mws(self):
        return "amzn.mws." + self.uuid()

    def uuid(self):
        return "-".join(self.s(HEX, n) for n in (8, 4, 4, 4, 12))

    def gcp_key_id(self):
        return self.s(HEX, 40)

    def google_api_key(self):
        return "AIza" + self.s(ALNUM + "_-", 35)

    def google_client_secret(self):
        return "GOCSPX-" + self.s(ALNUM + "_-", 28)

    def google_oauth_token(self):
        return "ya29." + self.s(ALNUM + "_-", 120)

    def google_refresh_token(self):
        return "1//0" + self.s(ALNUM + "_-", 99)

    def azure_storage_key(self):
        return self.s(ALNUM + "+/", 86) + "=="

    def azure_sas(self):
        sig = self.s(ALNUM + "+/", 43).replace("+", "%2B").replace("/", "%2F") + "%3D"
        return "https://acct%s.blob.core.windows.net/data/f.csv?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-01-01T00:00:00Z&spr=https&sig=%s" % (
            self.digits(3), sig), sig

    def azure_client_secret(self):
        return self.s(ALNUM, 3) + self.digits(1) + "Q~" + self.s(ALNUM + "_~.-", 34)

    def azure_devops_pat(self):
        return self.s(ALNUM, 76) + "AZDO" + self.s(ALNUM, 4)

    def digitalocean(self):
        return self.r.choice(["dop_v1_", "doo_v1_"]) + self.s(HEX, 64)

    def alibaba(self):
        return "LTAI" + self.s(ALNUM, 20)

    def databricks(self):
        return "dapi" + self.s(HEX, 32)

    def vault_token(self):
        return "hvs." + self.s(ALNUM + "_-", 92)

    def terraform(self):
        return self.s(ALNUM, 14) + ".atlasv1." + self.s(ALNUM + "_-", 67)

    def cloudflare(self):
        return self.s(ALNUM + "_-", 40)

    # ---- saas --------------------------------------------------------------------------------------
    def base62(self, value, width):
        out = ""
        while value > 0:
            out = BASE62[value % 62] + out
            value //= 62
        return out.rjust(width, "0")

    def github_token(self, prefix=None):
        body = self.s(BASE62, 30)
        return (prefix or self.r.choice(["ghp_", "gho_", "ghu_", "ghs_", "ghr_"])) + body + self.base62(
            zlib.crc32(body.encode()), 6)

    def github_token_bad_crc(self):
        token = self.github_token("ghp_")
        last = token[-1]
        return token[:-1] + ("1" if last != "1" else "2")

    def github_pat(self):
        return "github_pat_" + self.s(ALNUM, 22) + "_" + self.s(ALNUM, 59)

    def gitlab(self):
        return self.r.choice(["glpat-", "gldt-", "glrt-", "glptt-"]) + self.s(ALNUM + "_-", 20)

    def bitbucket(self):
        return "ATBB" + self.s(ALNUM, 32)

    def atlassian(self):
        return "ATATT3xFfGF0" + self.s(ALNUM + "_-", 180) + "=" + self.s(HEX.upper(), 8)

    def slack_token(self):
        kind = self.r.choice(["xoxb", "xoxp"])
        if kind == "xoxb":
            return "xoxb-%s-%s-%s" % (self.digits(11), self.digits(12), self.s(ALNUM, 24))
        return "xoxp-%s-%s-%s-%s" % (self.digits(11), self.digits(11), self.digits(12), self.s(HEX, 32))

    def slack_app_token(self):
        return "xapp-1-A%s-%s-%s" % (self.s(UPPER + DIGITS, 10), self.digits(13), self.s(HEX, 64))

    def slack_webhook(self):
        return "https://hooks.slack.com/services/T%s/B%s/%s" % (
            self.s(UPPER + DIGITS, 8), self.s(UPPER + DIGITS, 10), self.s(ALNUM, 24))

    def discord_webhook(self):
        return "https://discord.com/api/webhooks/%s/%s" % (self.digits(18), self.s(ALNUM + "_-", 68))

    def discord_bot(self):
        return self.r.choice("MNO") + self.s(ALNUM, 23) + "." + self.s(ALNUM + "_-", 6) + "." + self.s(ALNUM + "_-", 27)

    def telegram(self):
        return self.digits(10) + ":AA" + self.s(ALNUM + "_-", 33)

    def teams_webhook(self):
        return "https://contoso%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s" % (
            self.digits(2), self.uuid(), self.uuid(), self.s(HEX, 32), self.uuid())

    def stripe(self):
        return self.r.choice(["sk_live_", "rk_live_"]) + self.s(ALNUM, 24 + self.r.randrange(0, 76))

    def stripe_webhook(self):
        return "whsec_" + self.s(ALNUM, 32)

    def braintree(self):
        return "access_token$production$%s$%s" % (self.s(LOWER + DIGITS, 16), self.s(HEX, 32))

    def square(self):
        return self.r.choice(["sq0atp-" + self.s(ALNUM + "_-", 22), "sq0csp-" + self.s(ALNUM + "_-", 43)])

    def shopify(self):
        return self.r.choice(["shpat_", "shpca_", "shppa_", "shpss_"]) + self.s(HEX, 32)

    def openai_legacy(self):
        return "sk-" + self.s(ALNUM, 20) + "T3BlbkFJ" + self.s(ALNUM, 20)

    def openai_project(self):
        return self.r.choice(["sk-proj-", "sk-svcacct-", "sk-admin-"]) + self.s(ALNUM + "_-", 74) + "T3BlbkFJ" + self.s(
            ALNUM + "_-", 74) if self.r.random() < 0.5 else self.r.choice(["sk-proj-", "sk-svcacct-"]) + self.s(
                ALNUM + "_-", 156)

    def anthropic(self):
        return "sk-ant-api03-" + self.s(ALNUM + "_-", 93) + "AA"

    def huggingface(self):
        return "hf_" + self.s(UPPER + LOWER, 34)

    def replicate(self):
        return "r8_" + self.s(ALNUM, 37)

    def groq(self):
        return "gsk_" + self.s(ALNUM, 52)

    def perplexity(self):
        return "pplx-" + self.s(ALNUM, 48)

    def xai(self):
        return "xai-" + self.s(ALNUM, 80)

    def twilio_key(self):
        return "SK" + self.s(HEX, 32)

    def twilio_auth(self):
        return self.s(HEX, 32)

    def sendgrid(self):
        return "SG." + self.s(ALNUM + "_-", 22) + "." + self.s(ALNUM + "_-", 43)

    def mailgun(self):
        return "key-" + self.s(HEX, 32)

    def mailchimp(self):
        return self.s(HEX, 32) + "-us" + str(self.r.randrange(1, 21))

    def npm(self):
        return "npm_" + self.s(ALNUM, 36)

    def pypi(self):
        return "pypi-AgEIcHlwaS5vcmc" + self.s(B64URL, 150)

    def docker(self):
        return "dckr_pat_" + self.s(ALNUM + "_-", 27)

    def rubygems(self):
        return "rubygems_" + self.s(HEX, 48)

    def nuget(self):
        return "oy2" + self.s(LOWER + DIGITS, 43)

    def newrelic(self):
        return "NRAK-" + self.s(UPPER + DIGITS, 27)

    def sentry(self):
        return "sntrys_" + self.s(ALNUM + "_", 120)

    def grafana(self):
        return "glsa_" + self.s(ALNUM, 32) + "_" + self.s(HEX, 8)

    def linear(self):
        return "lin_api_" + self.s(ALNUM, 40)

    def notion(self):
        return "ntn_" + self.digits(11) + self.s(ALNUM, 35)

    def postman(self):
        return "PMAK-" + self.s(HEX, 24) + "-" + self.s(HEX, 34)

    def datadog(self):
        return self.s(HEX, 32)

    def facebook(self):
        return "EAA" + self.s(ALNUM, 160)

    def okta(self):
        return "00" + self.s(ALNUM + "_-", 40)

    # ---- credentials -------------------------------------------------------------------------------
    def jwt(self, claims=None):
        def enc(obj):
            return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")
        header = enc({"alg": self.r.choice(["HS256", "RS256", "ES256"]), "typ": "JWT"})
        payload = enc(claims or {"sub": "user-%d" % self.r.randrange(10 ** 6), "iat": 1700000000 + self.r.randrange(10 ** 7)})
        return header + "." + payload + "." + self.s(B64URL, 43)

    def password(self):
        words = ["Maple", "River", "Orbit", "Tiger", "Copper", "Falcon", "Velvet", "Quartz", "Nimbus", "Harbor"]
        style = self.r.randrange(3)
        if style == 0:
            return self.r.choice(words) + self.digits(4) + self.r.choice("!@#%&*?")
        if style == 1:
            return self.s(ALNUM + "!@#%^&*", 16)
        return self.s(LOWER, 4) + self.r.choice("!@#") + self.s(UPPER, 3) + self.digits(3) + self.s(LOWER, 3)

    def api_key(self):
        return self.s(ALNUM, 32)

    # ---- crypto keys -------------------------------------------------------------------------------
    def pem_body(self, lines=12):
        return "\n".join(self.s(B64, 64) for _ in range(lines)) + "\n" + self.s(B64, 20) + "=="

    def pem(self, kind="RSA PRIVATE KEY", escaped=False):
        text = "-----BEGIN %s-----\n%s\n-----END %s-----" % (kind, self.pem_body(), kind)
        return text.replace("\n", "\\n") if escaped else text

    def age(self):
        return "AGE-SECRET-KEY-1" + self.s("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L".upper(), 58)

    def putty(self):
        return ("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ci-deploy\nPublic-Lines: 2\n%s\n%s\n"
                "Private-Lines: 1\n%s\nPrivate-MAC: %s") % (self.s(B64, 64), self.s(B64, 16), self.s(B64, 44), self.s(HEX, 64))

    def jwk(self):
        return '{"kty": "EC", "crv": "P-256", "x": "%s", "y": "%s", "d": "%s"}' % (
            self.s(B64URL, 43), self.s(B64URL, 43), self.s(B64URL, 43))

    # ---- financial ---------------------------------------------------------------------------------
    IBAN_FORMATS = {
        "DE": "8n10n", "FR": "5n5n11c2n", "GB": "4a6n8n", "NL": "4a10n", "ES": "4n4n2n10n", "IT": "1a5n5n12c",
        "BE": "3n7n2n", "AT": "5n11n", "CH": "5n12c", "PL": "8n16n", "SE": "3n16n1n", "NO": "4n6n1n",
        "DK": "4n9n1n", "FI": "3n11n", "IE": "4a6n8n", "PT": "4n4n11n2n", "LU": "3n13c", "CZ": "4n6n10n",
        "HU": "3n4n1n15n1n", "RO": "4a16c", "GR": "3n4n16c", "SA": "2n18c", "AE": "3n16n", "TR": "5n1n16c",
        "BR": "8n5n10n1a1c", "MT": "4a5n18c", "NO2": "4n6n1n", "SN": "1a23n", "LC": "4a24c", "EG": "4n4n17n",
    }
    IBAN_LENGTH = {"DE": 22, "FR": 27, "GB": 22, "NL": 18, "ES": 24, "IT": 27, "BE": 16, "AT": 20, "CH": 21,
                   "PL": 28, "SE": 24, "NO": 15, "DK": 18, "FI": 18, "IE": 22, "PT": 25, "LU": 20, "CZ": 24,
                   "HU": 28, "RO": 24, "GR": 27, "SA": 24, "AE": 23, "TR": 26, "BR": 29, "MT": 31, "SN": 28,
                   "LC": 32, "EG": 29}

    def bban(self, country):
        fmt = self.IBAN_FORMATS[country]
        out = ""
        import re
        for count, kind in re.findall(r"(\d+)([nac])", fmt):
            alphabet = {"n": DIGITS, "a": UPPER, "c": UPPER + DIGITS}[kind]
            out += self.s(alphabet, int(count))
        return out

    @staticmethod
    def mod97(text):
        value = "".join(str(int(c, 36)) for c in text)
        return int(value) % 97

    def iban(self, country=None, spaced=None, valid=True):
        country = country or self.r.choice(sorted(self.IBAN_LENGTH))
        bban = self.bban(country)
        check = 98 - self.mod97(bban + country + "00")
        if not valid:
            check = (check + 1 + self.r.randrange(90)) % 97 + 2
            if check == 98 - self.mod97(bban + country + "00"):
                check = 2 if check != 2 else 3
        iban = "%s%02d%s" % (country, check, bban)
        assert len(iban) == self.IBAN_LENGTH[country], country
        if spaced is None:
            spaced = self.r.random() < 0.5
        return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)) if spaced else iban

    @staticmethod
    def luhn_ok(digits):
        total = 0
        for i, c in enumerate(reversed(digits)):
            d = int(c)
            if i % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        return total % 10 == 0

    def luhn_complete(self, prefix, length):
        body = prefix + self.digits(length - len(prefix) - 1)
        for d in DIGITS:
            if self.luhn_ok(body + d):
                return body + d

    def card(self, valid=True, spaced=None):
        brand = self.r.choice([("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15), ("6011", 16),
                               ("3530", 16), ("62", 16), ("36", 14)])
        number = self.luhn_complete(brand[0], brand[1])
        if not valid:
            number = number[:-1] + str((int(number[-1]) + 1 + self.r.randrange(8)) % 10)
        if spaced is None:
            spaced = self.r.random() < 0.6
        if not spaced:
            return number
        sep = self.r.choice([" ", "-"])
        if len(number) == 15:
            return sep.join([number[:4], number[4:10], number[10:]])
        if len(number) == 14:
            return sep.join([number[:4], number[4:10], number[10:]])
        return sep.join(number[i:i + 4] for i in range(0, len(number), 4))

    COUNTRIES = ["DE", "FR", "GB", "NL", "ES", "IT", "US", "CH", "AT", "BE", "SE", "PL", "JP", "CN"]

    def bic(self):
        return self.s(UPPER, 4) + self.r.choice(self.COUNTRIES) + self.s(UPPER + "23456789", 1) + self.s(
            "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 1) + (self.s(UPPER + DIGITS, 3) if self.r.random() < 0.5 else "")

    def aba(self, valid=True):
        while True:
            prefix = "%02d" % self.r.choice(list(range(1, 13)) + list(range(21, 33)) + list(range(61, 73)))
            body = prefix + self.digits(6)
            for d in DIGITS:
                n = body + d
                w = [3, 7, 1] * 3
                ok = sum(int(c) * w[i] for i, c in enumerate(n)) % 10 == 0
                if ok == valid:
                    return n

    # ---- pii ---------------------------------------------------------------------------------------
    FIRST = ["anna", "jonas", "maria", "luca", "sofia", "pieter", "elena", "marek", "ines", "olaf", "chloe", "ravi"]
    LAST = ["keller", "rossi", "dupont", "novak", "jansen", "garcia", "berg", "moreau", "kowalski", "silva"]
    DOMAINS = ["mailbox.test-corp.eu", "acme-logistics.com", "fastmail.fm", "web.de", "orange.fr", "gmail.com",
               "uni-example.edu", "kpn.nl", "proton.me", "hospital-north.org"]

    def email(self):
        return "%s.%s%s@%s" % (self.r.choice(self.FIRST), self.r.choice(self.LAST), self.r.choice(["", str(self.r.randrange(99))]),
                               self.r.choice(self.DOMAINS))

    def phone_e164(self):
        cc, groups = self.r.choice([("49", (3, 7)), ("33", (1, 2, 2, 2, 2)), ("44", (4, 6)), ("1", (3, 3, 4)),
                                    ("31", (2, 8)), ("39", (3, 7)), ("34", (3, 3, 3)), ("46", (2, 3, 2, 2))])
        parts = [self.r.choice("23456789") + self.digits(groups[0] - 1)] + [self.digits(g) for g in groups[1:]]
        sep = self.r.choice([" ", "", "-"])
        return "+" + cc + (" " if sep != "" else "") + sep.join(parts)

    def phone_national(self):
        style = self.r.randrange(3)
        if style == 0:
            return "(%s) %s-%s" % (self.r.choice("2345678") + self.digits(2), self.r.choice("2345678") + self.digits(2), self.digits(4))
        if style == 1:
            return "0%s %s" % (self.digits(3), self.digits(7))
        return "0%s %s %s %s %s" % (self.r.choice("1234567"), self.digits(2), self.digits(2), self.digits(2), self.digits(2))

    def ssn(self, valid=True):
        if valid:
            area = self.r.choice([a for a in range(1, 900) if a != 666])
            return "%03d-%02d-%04d" % (area, self.r.randrange(1, 100), self.r.randrange(1, 10000))
        return self.r.choice(["000", "666", "9%02d" % self.r.randrange(100)]) + "-%02d-%04d" % (
            self.r.randrange(1, 100), self.r.randrange(1, 10000))

    def itin(self):
        return "9%02d-%d-%04d" % (self.r.randrange(100), self.r.choice(list(range(70, 89)) + [90, 91, 92, 94, 95]),
                                  self.r.randrange(1, 10000))

    def de_tax_id(self, valid=True):
        while True:
            digits = [self.r.randrange(1, 10)]
            pool = [d for d in range(10)]
            first10 = digits + self.r.sample([d for d in range(10) if d != digits[0]], 8)
            dup = self.r.choice(first10)
            first10.insert(self.r.randrange(1, 10), dup)
            first10 = first10[:10]
            counts = [first10.count(d) for d in set(first10)]
            if sorted(counts)[-1] != 2 or counts.count(2) != 1 or first10[0] == 0:
                continue
            product = 10
            for d in first10:
                s = (d + product) % 10
                if s == 0:
                    s = 10
                product = (s * 2) % 11
            check = 11 - product
            check = 0 if check == 10 else check
            if not valid:
                check = (check + 1 + self.r.randrange(8)) % 10
            return "".join(map(str, first10)) + str(check)

    def fr_nir(self, valid=True, spaced=None):
        sex = self.r.choice("12")
        body = sex + "%02d%02d%02d%03d%03d" % (self.r.randrange(100), self.r.randrange(1, 13), self.r.randrange(1, 96),
                                               self.r.randrange(1, 1000), self.r.randrange(1, 1000))
        key = 97 - int(body) % 97
        if not valid:
            key = key % 97 + 1
        full = body + "%02d" % key
        if spaced is None:
            spaced = self.r.random() < 0.5
        if spaced:
            return " ".join([full[0], full[1:3], full[3:5], full[5:7], full[7:10], full[10:13], full[13:]])
        return full

    CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]

    def it_cf(self, valid=True):
        body = self.s("BCDFGHLMNPRSTVZ", 6) + "%02d" % self.r.randrange(100) + self.r.choice("ABCDEHLMPRST") + "%02d" % (
            self.r.randrange(1, 29) + self.r.choice([0, 40])) + self.r.choice("ABCDEFGHILMZ") + self.digits(3)
        total = 0
        for i, c in enumerate(body):
            idx = int(c) if c.isdigit() else ord(c) - 65
            total += self.CF_ODD[idx] if i % 2 == 0 else idx
        check = chr(65 + total % 26)
        if not valid:
            check = chr(65 + (total + 1 + self.r.randrange(24)) % 26)
        return body + check

    def es_dni(self, valid=True, nie=None):
        letters = "TRWAGMYFPDXBNJZSQVHLCKE"
        if nie is None:
            nie = self.r.random() < 0.3
        if nie:
            p = self.r.choice("XYZ")
            n = self.digits(7)
            num = int("XYZ".index(p).__str__() + n)
            letter = letters[num % 23] if valid else letters[(num + 1 + self.r.randrange(21)) % 23]
            return p + n + letter
        n = self.digits(8)
        letter = letters[int(n) % 23] if valid else letters[(int(n) + 1 + self.r.randrange(21)) % 23]
        return n + letter

    def nl_bsn(self, valid=True):
        while True:
            d = [self.r.randrange(10) for _ in range(8)]
            s = sum((9 - i) * d[i] for i in range(8))
            last = s % 11
            if last < 10:
                if not valid:
                    last = (last + 1 + self.r.randrange(8)) % 10
                    if (s - last) % 11 == 0:
                        continue
                return "".join(map(str, d)) + str(last)

    def pesel(self, valid=True):
        y = self.r.randrange(100)
        m = self.r.randrange(1, 13) + self.r.choice([0, 20])
        day = self.r.randrange(1, 29)
        body = "%02d%02d%02d%04d" % (y, m, day, self.r.randrange(10000))
        w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
        check = (10 - sum(int(c) * w[i] for i, c in enumerate(body)) % 10) % 10
        if not valid:
            check = (check + 1 + self.r.randrange(8)) % 10
        return body + str(check)

    def se_pnr(self, valid=True, long=None):
        body = "%02d%02d%02d%03d" % (self.r.randrange(100), self.r.randrange(1, 13), self.r.randrange(1, 29), self.r.randrange(1000))
        for d in DIGITS:
            if self.luhn_ok(body + d) == valid:
                full = body + d
                break
        if long is None:
            long = self.r.random() < 0.4
        prefix = self.r.choice(["19", "20"]) if long else ""
        return prefix + full[:6] + "-" + full[6:]

    def fi_hetu(self, valid=True):
        checks = "0123456789ABCDEFHJKLMNPRSTUVWXY"
        dd, mm, yy, n = self.r.randrange(1, 29), self.r.randrange(1, 13), self.r.randrange(100), self.r.randrange(2, 900)
        num = int("%02d%02d%02d%03d" % (dd, mm, yy, n))
        c = checks[num % 31] if valid else checks[(num + 1 + self.r.randrange(29)) % 31]
        return "%02d%02d%02d%s%03d%s" % (dd, mm, yy, self.r.choice("-A"), n, c)

    def be_nn(self, valid=True):
        body = "%02d%02d%02d%03d" % (self.r.randrange(40, 100), self.r.randrange(1, 13), self.r.randrange(1, 29), self.r.randrange(1, 998))
        check = 97 - int(body) % 97
        if not valid:
            check = check % 96 + 1
            if check == 97 - (2000000000 + int(body)) % 97:
                check = check % 95 + 1
        n = body + "%02d" % check
        return "%s.%s.%s-%s.%s" % (n[0:2], n[2:4], n[4:6], n[6:9], n[9:11])

    def at_svnr(self, valid=True):
        while True:
            serial = "%03d" % self.r.randrange(100, 1000)
            birth = "%02d%02d%02d" % (self.r.randrange(1, 29), self.r.randrange(1, 13), self.r.randrange(100))
            w = [3, 7, 9, 5, 8, 4, 2, 1, 6]
            digits = serial + birth
            check = sum(int(c) * w[i] for i, c in enumerate(digits)) % 11
            if check == 10:
                continue
            if not valid:
                check = (check + 1 + self.r.randrange(8)) % 10
            return serial + str(check) + " " + birth

    def pt_nif(self, valid=True):
        body = self.r.choice("1235") + self.digits(7)
        check = 11 - sum((9 - i) * int(c) for i, c in enumerate(body)) % 11
        check = 0 if check >= 10 else check
        if not valid:
            check = (check + 1 + self.r.randrange(8)) % 10
        return body + str(check)

    def ro_cnp(self, valid=True):
        body = self.r.choice("1256") + "%02d%02d%02d%02d%03d" % (self.r.randrange(100), self.r.randrange(1, 13),
                                                                 self.r.randrange(1, 29), self.r.randrange(1, 47),
                                                                 self.r.randrange(1, 1000))
        w = "279146358279"
        c = sum(int(a) * int(b) for a, b in zip(body, w)) % 11
        c = 1 if c == 10 else c
        if not valid:
            c = (c + 1 + self.r.randrange(8)) % 10
        return body + str(c)

    def ie_pps(self, valid=True):
        d = self.digits(7)
        s = sum((8 - i) * int(c) for i, c in enumerate(d))
        m = s % 23
        letter = "W" if m == 0 else chr(64 + m)
        if not valid:
            m2 = (m + 1 + self.r.randrange(21)) % 23
            letter = "W" if m2 == 0 else chr(64 + m2)
        return d + letter

    def ch_ahv(self, valid=True):
        body = "756" + self.digits(9)
        s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
        c = (10 - s % 10) % 10
        if not valid:
            c = (c + 1 + self.r.randrange(8)) % 10
        n = body + str(c)
        return "%s.%s.%s.%s" % (n[:3], n[3:7], n[7:11], n[11:])

    def dk_cpr(self):
        return "%02d%02d%02d-%04d" % (self.r.randrange(1, 29), self.r.randrange(1, 13), self.r.randrange(100), self.r.randrange(1000, 10000))

    def uk_nino(self):
        return self.r.choice(["AB", "CE", "JG", "PR", "SW", "TM", "HZ"]) + " %s %s %s " % (
            self.digits(2), self.digits(2), self.digits(2)) + self.r.choice("ABCD")

    def passport(self):
        style = self.r.randrange(4)
        if style == 0:
            return self.digits(9)
        if style == 1:
            return self.r.choice(UPPER) + self.digits(8)
        if style == 2:
            return self.digits(2) + self.s(UPPER, 2) + self.digits(5)
        return self.s("CFGHJK", 1) + self.s("CFGHJKLMNPRTVWXYZ0123456789", 8)

    # ---- health ------------------------------------------------------------------------------------
    def kvnr(self, valid=True):
        letter = self.r.choice(UPPER)
        body = self.digits(8)
        digits = "%02d" % (ord(letter) - 64) + body
        total = 0
        for i, c in enumerate(digits):
            p = int(c) * (1 if i % 2 == 0 else 2)
            total += p // 10 + p % 10
        check = total % 10
        if not valid:
            check = (check + 1 + self.r.randrange(8)) % 10
        return letter + body + str(check)

    def npi(self, valid=True):
        body = self.r.choice("12") + self.digits(8)
        for d in DIGITS:
            if self.luhn_ok("80840" + body + d) == valid:
                return body + d

    MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"

    def mbi(self):
        L, A = self.MBI_LETTERS, self.MBI_LETTERS + DIGITS
        v = (self.s("123456789", 1) + self.s(L, 1) + self.s(A, 1) + self.digits(1) + self.s(L, 1) + self.s(A, 1)
             + self.digits(1) + self.s(L, 2) + self.digits(2))
        return v if self.r.random() < 0.6 else v[:4] + "-" + v[4:7] + "-" + v[7:]

    def ehic(self):
        return "80" + self.r.choice(["276", "250", "380", "724", "528", "040", "752"]) + self.digits(15)

    def dea(self, valid=True):
        letters = self.r.choice("ABFM") + self.r.choice(UPPER)
        d = [self.r.randrange(10) for _ in range(6)]
        c = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        if not valid:
            c = (c + 1 + self.r.randrange(8)) % 10
        return letters + "".join(map(str, d)) + str(c)

    def nhs(self, valid=True):
        while True:
            d = self.digits(9)
            s = sum((10 - i) * int(c) for i, c in enumerate(d))
            c = 11 - s % 11
            c = 0 if c == 11 else c
            if c == 10:
                continue
            if not valid:
                c = (c + 1 + self.r.randrange(8)) % 10
            n = d + str(c)
            return "%s %s %s" % (n[:3], n[3:6], n[6:])

    def mrn(self):
        return self.r.choice(["", "MRN", "H"]) + self.digits(self.r.choice([7, 8]))

    def icd10(self):
        return self.r.choice(["E11.9", "I10", "J45.909", "F32.1", "C50.911", "M54.5", "K21.9", "G43.909", "F41.1", "E66.01"])

    # ---- added with the held-out probe of session 16 -------------------------------------------------
    EIN_PREFIXES = [p for p in range(1, 100) if p not in (7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97)]

    def ein(self):
        return "%02d-%s" % (self.r.choice(self.EIN_PREFIXES), self.digits(7))

    def bank_account(self):
        return self.r.choice("123456789") + self.digits(self.r.choice([7, 9, 11]))

    def basic_auth(self):
        user = self.r.choice(["svc_deploy", "ci-bot", "reporting", "ops"])
        return "Basic " + base64.b64encode((user + ":" + self.password()).encode()).decode()

    def square_access_token(self):
        return "EAAA" + self.s(ALNUM + "-_", 60)
