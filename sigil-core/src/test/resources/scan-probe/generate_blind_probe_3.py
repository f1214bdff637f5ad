#!/usr/bin/env python3
"""The third blind probe of the SIGIL scanner (2026-11-25), written by a session that never read the packs, the
corpus, the engine or the earlier probes, from the category list alone. Held-out probe set #10 for a secrets/PII scanner. All values are FAKE and
randomly generated here (valid checksums where real formats have them).
Deterministic: random.seed(10101), standard library only.
Writes blind-probe-3.tsv next to this file: LABEL<TAB>TEXT, newlines as literal \\n.
"""
import base64, hashlib, hmac, json, os, random, string, uuid, zlib

random.seed(10101)
R = random
UP, LO, DG = string.ascii_uppercase, string.ascii_lowercase, string.digits
AN = UP + LO + DG
HEX = '0123456789abcdef'
cases = []


def add(label, text):
    cases.append((label, text))


def rs(alpha, n):
    return ''.join(R.choice(alpha) for _ in range(n))


def rbytes(n):
    return bytes(R.randrange(256) for _ in range(n))


def grp(s, n=4, sep=' '):
    return sep.join(s[i:i + n] for i in range(0, len(s), n))


# ---------------------------------------------------------------- checksums
def luhn_cd(s):
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def luhn_ok(s):
    return luhn_cd(s[:-1]) == s[-1]


def card(prefix, length):
    body = prefix + rs(DG, length - len(prefix) - 1)
    return body + luhn_cd(body)


def iban_from(cc, bban):
    num = ''.join(str(int(c, 36)) for c in bban + cc + '00')
    return f"{cc}{98 - int(num) % 97:02d}{bban}"


def iban_ok(s):
    s = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in s)) % 97 == 1


def es_bban():
    bank, br, acc = rs(DG, 4), rs(DG, 4), rs(DG, 10)
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]

    def cd(s):
        v = 11 - sum(int(a) * b for a, b in zip(s, w)) % 11
        return 0 if v == 11 else (1 if v == 10 else v)
    return bank + br + str(cd('00' + bank + br)) + str(cd(acc)) + acc


def nl_acc():
    while True:
        a = rs(DG, 10)
        if a[0] != '0' and sum(int(d) * (10 - i) for i, d in enumerate(a)) % 11 == 0:
            return a


def no_bban():
    while True:
        a = rs(DG, 10)
        c = 11 - sum(int(d) * w for d, w in zip(a, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])) % 11
        if c == 11:
            c = 0
        if c != 10:
            return a + str(c)


def bban(cc):
    if cc == 'DE': return rs(DG, 18)
    if cc == 'FR':
        b, g, a = rs(DG, 5), rs(DG, 5), rs(DG, 11)
        return b + g + a + f"{97 - (89 * int(b) + 15 * int(g) + 3 * int(a)) % 97:02d}"
    if cc == 'ES': return es_bban()
    if cc == 'IT': return R.choice(UP) + rs(DG, 10) + rs(DG, 12)
    if cc == 'NL': return R.choice(['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO']) + nl_acc()
    if cc == 'GB': return R.choice(['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL']) + rs(DG, 14)
    if cc == 'BE':
        a = rs(DG, 10)
        return a + f"{(int(a) % 97) or 97:02d}"
    if cc == 'PT':
        a = rs(DG, 19)
        return a + f"{98 - int(a + '00') % 97:02d}"
    if cc == 'NO': return no_bban()
    if cc == 'IE': return R.choice(['AIBK', 'BOFI', 'IPBS']) + rs(DG, 14)
    n = {'PL': 24, 'CZ': 20, 'DK': 14, 'SE': 20, 'FI': 14, 'AT': 16, 'CH': 17, 'LU': 16}[cc]
    return rs(DG, n)


def iban(cc):
    v = iban_from(cc, bban(cc))
    assert iban_ok(v)
    return v


def de_steuerid(valid=True):
    while True:
        ds = list(range(10))
        R.shuffle(ds)
        ch = ds[:9]
        seq = ch + [R.choice(ch)]
        R.shuffle(seq)
        if seq[0] == 0:
            continue
        prod = 10
        for d in seq:
            s = (d + prod) % 10 or 10
            prod = (s * 2) % 11
        c = (11 - prod) % 10
        if not valid:
            c = (c + R.randint(1, 9)) % 10
        return ''.join(map(str, seq)) + str(c)


def fr_nir():
    n = (R.choice('12') + f"{R.randint(55, 99):02d}" + f"{R.randint(1, 12):02d}" +
         f"{R.choice([R.randint(1, 19), R.randint(21, 95)]):02d}" + f"{R.randint(1, 990):03d}" + f"{R.randint(1, 999):03d}")
    return n, f"{97 - int(n) % 97:02d}"


CF_ODD = dict(zip(DG + UP, [1, 0, 5, 7, 9, 13, 15, 17, 19, 21] +
                  [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]))


def it_cf():
    cons = 'BCDFGHJKLMNPQRSTVWXZ'
    s = (rs(cons, 3) + rs(cons, 3) + f"{R.randint(55, 99):02d}" + R.choice('ABCDEHLMPRST') +
         f"{R.randint(1, 28) + R.choice([0, 40]):02d}" + R.choice(['H501', 'F205', 'L219', 'G273', 'A944', 'D612', 'F839']))
    tot = 0
    for i, c in enumerate(s):
        tot += CF_ODD[c] if i % 2 == 0 else (int(c) if c.isdigit() else ord(c) - 65)
    return s + chr(65 + tot % 26)


DNI_L = 'TRWAGMYFPDXBNJZSQVHLCKE'


def es_dni():
    n = R.randint(10000000, 99999999)
    return f"{n}{DNI_L[n % 23]}"


def es_nie():
    p = R.choice('XYZ')
    n = rs(DG, 7)
    return f"{p}{n}{DNI_L[int(str('XYZ'.index(p)) + n) % 23]}"


def nl_bsn(valid=True):
    while True:
        d = [R.randint(0, 9) for _ in range(8)]
        if d[0] == 0:
            continue
        c = sum(d[i] * (9 - i) for i in range(8)) % 11
        if c < 10:
            if not valid:
                c = (c + 3) % 10
            return ''.join(map(str, d)) + str(c)


def pesel():
    y, m, d = R.randint(1955, 2006), R.randint(1, 12), R.randint(1, 28)
    s = f"{y % 100:02d}{m + (20 if y >= 2000 else 0):02d}{d:02d}" + rs(DG, 4)
    c = (10 - sum(int(a) * b for a, b in zip(s, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3])) % 10) % 10
    return s + str(c)


def se_pnr():
    s = f"{R.randint(50, 99):02d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}" + rs(DG, 3)
    return s[:6] + '-' + s[6:] + luhn_cd(s)


def fi_hetu():
    d, m, y = R.randint(1, 28), R.randint(1, 12), R.randint(1960, 2004)
    nnn = R.randint(2, 899)
    num = int(f"{d:02d}{m:02d}{y % 100:02d}{nnn:03d}")
    return f"{d:02d}{m:02d}{y % 100:02d}{'-' if y < 2000 else 'A'}{nnn:03d}" + "0123456789ABCDEFHJKLMNPRSTUVWXY"[num % 31]


def dk_cpr():
    while True:
        s = f"{R.randint(1, 28):02d}{R.randint(1, 12):02d}{R.randint(50, 99):02d}" + rs(DG, 4)
        if sum(int(a) * b for a, b in zip(s, [4, 3, 2, 7, 6, 5, 4, 3, 2, 1])) % 11 == 0:
            return s[:6] + '-' + s[6:]


def ro_cnp():
    s = (R.choice('12') + f"{R.randint(55, 99):02d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}" +
         f"{R.randint(1, 46):02d}" + f"{R.randint(1, 999):03d}")
    c = sum(int(a) * int(b) for a, b in zip(s, "279146358279")) % 11
    return s + str(1 if c == 10 else c)


def be_nn():
    yy, mm, dd, sss = R.randint(55, 99), R.randint(1, 12), R.randint(1, 28), R.randint(1, 997)
    base = int(f"{yy:02d}{mm:02d}{dd:02d}{sss:03d}")
    return f"{yy:02d}.{mm:02d}.{dd:02d}-{sss:03d}.{97 - base % 97:02d}"


def pt_nif():
    d = [R.choice([1, 2, 3])] + [R.randint(0, 9) for _ in range(7)]
    c = 11 - sum(d[i] * (9 - i) for i in range(8)) % 11
    return ''.join(map(str, d)) + str(0 if c >= 10 else c)


def at_svnr():
    while True:
        n = R.choice('123456789') + rs(DG, 2)
        dob = f"{R.randint(1, 28):02d}{R.randint(1, 12):02d}{R.randint(50, 99):02d}"
        ds = [int(x) for x in n + dob]
        c = sum(a * b for a, b in zip(ds, [3, 7, 9, 5, 8, 4, 2, 1, 6])) % 11
        if c != 10:
            return f"{n}{c} {dob}"


def ch_ahv():
    s = '756' + rs(DG, 9)
    c = (10 - sum(int(x) * (1 if i % 2 == 0 else 3) for i, x in enumerate(s)) % 10) % 10
    s += str(c)
    return f"{s[:3]}.{s[3:7]}.{s[7:11]}.{s[11:]}"


def ie_pps():
    s = rs(DG, 7)
    return s + "WABCDEFGHIJKLMNOPQRSTUV"[sum(int(x) * (8 - i) for i, x in enumerate(s)) % 23]


def uk_nino():
    while True:
        p = R.choice('ABCEGHJKLMNOPRSTWXYZ') + R.choice('ABCEGHJKLMNPRSTWXYZ')
        if p not in ('BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'):
            return p, rs(DG, 6), R.choice('ABCD')


def cz_rc():
    while True:
        s = f"{R.randint(55, 99):02d}{R.randint(1, 12) + R.choice([0, 50]):02d}{R.randint(1, 28):02d}" + rs(DG, 3)
        c = int(s) % 11
        if c != 10:
            return s[:6] + '/' + s[6:] + str(c)


def us_ssn():
    while True:
        a = R.randint(1, 899)
        if a != 666:
            return f"{a:03d}", f"{R.randint(1, 99):02d}", f"{R.randint(1, 9999):04d}"


EIN_PFX = [10, 12, 20, 27, 30, 32, 35, 36, 38, 41, 45, 46, 47, 52, 54, 56, 58, 61, 63, 65, 71, 74, 77, 81, 82, 83, 84, 86, 87, 88, 91, 93, 94, 95, 98]


def ein():
    return f"{R.choice(EIN_PFX)}-{rs(DG, 7)}"


def itin():
    g = R.choice(list(range(70, 89)) + [90, 91, 92] + list(range(94, 100)))
    return f"9{rs(DG, 2)}-{g}-{rs(DG, 4)}"


def kvnr():
    L = R.choice(UP)
    body = rs(DG, 8)
    tot = 0
    for i, ch in enumerate(f"{ord(L) - 64:02d}" + body):
        p = int(ch) * (1 if i % 2 == 0 else 2)
        tot += p // 10 + p % 10
    return L + body + str(tot % 10)


def npi(valid=True):
    b = R.choice('12') + rs(DG, 8)
    c = int(luhn_cd('80840' + b))
    if not valid:
        c = (c + R.randint(1, 9)) % 10
    return b + str(c)


MBI_A = 'ACDEFGHJKMNPQRTUVWXY'


def mbi():
    a, n, x = MBI_A, DG, MBI_A + DG
    return ''.join(R.choice(p) for p in ['123456789', a, x, n, a, x, n, a, a, n, n])


def nhs(valid=True):
    while True:
        d = [R.randint(0, 9) for _ in range(9)]
        c = 11 - sum(d[i] * (10 - i) for i in range(9)) % 11
        if c == 11:
            c = 0
        if c == 10:
            continue
        if not valid:
            c = (c + 4) % 10
        s = ''.join(map(str, d)) + str(c)
        return f"{s[:3]} {s[3:6]} {s[6:]}"


def aba(valid=True):
    p = f"{R.choice(list(range(1, 13)) + list(range(21, 33)) + list(range(61, 73))):02d}"
    s = p + rs(DG, 6)
    w = [3, 7, 1, 3, 7, 1, 3, 7]
    c = (-sum(int(a) * b for a, b in zip(s, w))) % 10
    if not valid:
        c = (c + R.randint(1, 9)) % 10
    return s + str(c)


def bic(cc, branch=None):
    loc = R.choice(UP) + R.choice(UP + '23456789')
    b = rs(UP, 4) + cc + loc
    if branch is None:
        branch = R.choice(['', 'XXX', rs(UP + DG, 3)])
    return b + branch


def mrz_cd(s):
    v = lambda c: 0 if c == '<' else (int(c) if c.isdigit() else ord(c) - 55)
    return str(sum(v(c) * [7, 3, 1][i % 3] for i, c in enumerate(s)) % 10)


# ---------------------------------------------------------------- secrets
B62 = DG + UP + LO


def b62(n):
    out = ''
    while n:
        n, r = divmod(n, 62)
        out = B62[r] + out
    return out.rjust(6, '0')


def gh_token(prefix='ghp_'):
    body = rs(AN, 30)
    return prefix + body + b62(zlib.crc32(body.encode()))


def gh_pat():
    return 'github_pat_' + rs(AN, 22) + '_' + rs(AN, 59)


def aws_id(p='AKIA'):
    return p + rs(UP + '234567', 16)


def aws_secret():
    return rs(AN + '/+', 40)


def openai_key():
    return R.choice([lambda: 'sk-proj-' + rs(AN + '-_', 74) + 'T3BlbkFJ' + rs(AN + '-_', 74),
                     lambda: 'sk-' + rs(AN, 20) + 'T3BlbkFJ' + rs(AN, 20),
                     lambda: 'sk-svcacct-' + rs(AN + '-_', 74) + 'T3BlbkFJ' + rs(AN + '-_', 74)])()


def anthropic_key():
    return 'sk-ant-api03-' + rs(AN + '-_', 93) + 'AA'


def azure_key():
    return base64.b64encode(rbytes(64)).decode()


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b'=').decode()


def make_jwt(payload, alg='HS256'):
    h = b64u(json.dumps({"alg": alg, "typ": "JWT"}, separators=(',', ':')).encode())
    p = b64u(json.dumps(payload, separators=(',', ':')).encode())
    if alg == 'HS256':
        sig = hmac.new(rbytes(32), (h + '.' + p).encode(), hashlib.sha256).digest()
    else:
        sig = rbytes(256)
    return h + '.' + p + '.' + b64u(sig)


def pem(label, der, width=64, headers=''):
    b = base64.b64encode(der).decode()
    return (f"-----BEGIN {label}-----\n" + headers + "\n".join(b[i:i + width] for i in range(0, len(b), width)) +
            f"\n-----END {label}-----")


def rsa_der():
    return b'\x30\x82\x04\xa4\x02\x01\x00\x02\x82\x01\x01\x00' + rbytes(1180)


def pkcs8_der():
    return b'\x30\x82\x04\xbe\x02\x01\x00\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00\x04\x82\x04\xa8' + rbytes(1190)


def ec_der():
    return (b'\x30\x77\x02\x01\x01\x04\x20' + rbytes(32) +
            b'\xa0\x0a\x06\x08\x2a\x86\x48\xce\x3d\x03\x01\x07\xa1\x44\x03\x42\x00\x04' + rbytes(64))


def openssh_der():
    pub = b'\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20' + rbytes(32)
    return (b'openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none\x00\x00\x00\x00\x00\x00\x00\x01' +
            len(pub).to_bytes(4, 'big') + pub + b'\x00\x00\x00\x88' + rbytes(136))


WORDS = ['Sommer', 'Winter', 'Falcon', 'Tiger', 'Blue', 'Koala', 'Rocket', 'Maple', 'Orange', 'Sunny', 'Dragon',
         'Pepper', 'Matrix', 'Zebra', 'Kaffee', 'Soleil', 'Verano', 'Gdansk', 'Lumi', 'Fika', 'Hygge', 'Tulp']


def pw_human():
    return R.choice(WORDS) + R.choice(['', '.', '_', '#']) + str(R.randint(10, 2099)) + R.choice('!?#*%&+')


def pw_rand(n=None, extra='!#%&*+-=?^_'):
    return rs(AN + extra, n or R.randint(14, 24))


def pw_url(n=None):
    return rs(AN + '-_.~', n or R.randint(12, 22))


FIRST = ['Anna', 'Jürgen', 'Léa', 'Mateo', 'Giulia', 'Sanne', 'Kasia', 'João', 'Tereza', 'Mikkel', 'Elin', 'Aino',
         'Priya', 'Kenji', 'Olivia', 'Marcus', 'Fatima', 'Tomasz', 'Chloé', 'Lars']
LAST = ['Weißmann', 'Fournier', 'García', 'Rossi', 'de Vries', 'Kowalska', 'Silva', 'Nováková', 'Jensen', 'Lindqvist',
        'Virtanen', 'Sharma', 'Tanaka', 'Brooks', 'Hughes', 'Okafor', 'Nowak', 'Moreau', 'Berg', 'Huber']


def name():
    return R.choice(FIRST) + ' ' + R.choice(LAST)


def spaced_card(c):
    if len(c) == 15:
        return f"{c[:4]} {c[4:10]} {c[10:]}"
    if len(c) == 14:
        return f"{c[:4]} {c[4:10]} {c[10:]}"
    return grp(c)


# ================================================================ POSITIVES
# ---- IBAN (16)
v = iban('DE'); add('IBAN', f"Sehr geehrte Damen und Herren,\n\nbitte überweisen Sie den Betrag von 1.240,00 EUR bis zum 15.03. auf folgendes Konto:\nKontoinhaber: {name()}\nIBAN: {grp(v)}\nVerwendungszweck: Rechnung 2024-0412\n\nMit freundlichen Grüßen")
v = iban('FR'); add('IBAN', f"Bonjour Madame,\nVoici mes coordonnées bancaires pour le remboursement de la caution : compte {grp(v)} au nom de {name()}.\nCordialement,\nL. Moreau")
v = iban('NL'); add('IBAN', f"hoi! kun je het terugstorten op rekening {v.lower()}? alvast bedankt, groetjes")
v = iban('ES'); add('IBAN', f"Estimado cliente:\nLe informamos de que el cargo mensual se realizará en la cuenta {grp(v)} a partir del próximo recibo.\nAtentamente,\nDepartamento de Cobros")
v = iban('IT'); add('IBAN', f"Gentile Sig. Rossi,\nil rimborso verrà accreditato sul conto corrente IBAN {v} entro 10 giorni lavorativi.\nDistinti saluti")
v = iban('PL'); add('IBAN', f"Dzień dobry,\nproszę o przelew na rachunek nr {grp(v)}\nTytułem: zaliczka za mieszkanie, maj.\nPozdrawiam serdecznie")
v = iban('PT'); add('IBAN', f"Olá Rui, segue o IBAN para a transferência: {grp(v)} (titular: Joana Silva). Obrigada!")
v = iban('CZ'); add('IBAN', f"Dobrý den,\nplatbu prosím zašlete na účet IBAN: {grp(v)}, variabilní symbol 20240517.\nDěkuji, Tereza")
v = iban('DK'); add('IBAN', f"Hej Mikkel, du kan overføre pengene til min konto {grp(v)} inden fredag. Mvh Søren")
v = iban('SE'); add('IBAN', f"Hej! Betala in hyran på IBAN {v} senast den 25:e. /Karin")
v = iban('FI'); add('IBAN', f"Hei,\nmaksa vuokra tilille {grp(v)} kuun viimeiseen päivään mennessä.\nKiitos, Aino")
v = iban('GB'); g = grp(v); add('IBAN', f"PAYEE DETAILS (please print clearly)\nName:  MR  T. OKONKWO\nIBAN:  {g[:14]}\n{g[15:]}\nRef: deposit flat 3")
v = iban('AT'); add('IBAN', f"lNV0ICE  N0. 20931\nPaym ent to: Berg & Sohn GmbH, Wien\nIBAN {grp(v)}   BlC see letterhead\nTota1 due: 4.380,00 EUR\nPayab1e within 14 days")
v = iban('BE'); add('IBAN', f'{{"payout": {{"holder": "Anouk de Vries", "iban": "{v}", "currency": "EUR", "schedule": "monthly"}}}}')
v = iban('CH'); add('IBAN', f"INSERT INTO payees (name, iban, created_at) VALUES ('K. Huber', '{v}', '2024-02-11 09:14:00');")
v = iban('IE'); add('IBAN', f"[14:02] Agent: Could you confirm the account for the refund?\n[14:03] Customer: yeah its  {grp(v).lower()}\n[14:03] Agent: Thanks, processing now.")
v = iban('NO'); add('IBAN', f"Kontonummer for innbetaling (IBAN): {grp(v)} - merk betalingen med fakturanummer.")

# ---- Payment Card (14)
def exp():
    return f"{R.randint(1, 12):02d}/{R.randint(25, 30)}"


c = card('4', 16); add('Payment Card', f"[chat] Customer: ok my card is {grp(c)} exp {exp()} cvv {rs(DG, 3)}\n[chat] Agent: Thank you, one moment please.")
c = card('5' + R.choice('12345'), 16); add('Payment Card', f'{{"card_number":"{c}","exp_month":11,"exp_year":2027,"cvc":"{rs(DG, 3)}","holder":"M BROOKS"}}')
c = card(R.choice(['34', '37']), 15); add('Payment Card', f"Voicemail transcript (auto): Hi this is Dana calling about the hotel booking for the 14th, the card number is {spaced_card(c)}, expiry oh four twenty six, security code {rs(DG, 4)}. Thanks, bye.")
c = card(str(R.randint(2221, 2720)), 16); add('Payment Card', f"Kreditkarte: {grp(c, 4, '-')}  gültig bis {exp()}  Prüfnummer {rs(DG, 3)}")
c = card('4', 16); add('Payment Card', f"Bonjour, ma carte bancaire : {grp(c)} date d'expiration {exp()}, cryptogramme {rs(DG, 3)}. Merci de débiter l'acompte.")
c = card('6011', 16); add('Payment Card', f"2024-05-02 11:03:44,912 WARN  PaymentService - charge failed pan={c} amount=129.00 reason=insufficient_funds")
c = card('4', 16); add('Payment Card', f"CARD NO: {c[:4]} {c[4:8]}\n{c[8:12]} {c[12:]}    EXP 07 / 29\nSIGNATURE: ______")
c = card('35' + str(R.randint(28, 89)), 16); add('Payment Card', f"JCB card {grp(c)} valid thru {exp()}")
c = card('36', 14); add('Payment Card', f"Diners Club {spaced_card(c)} exp {exp()} - corporate travel card, please keep on file")
c = card('62', 19); add('Payment Card', f"UnionPay card number: {c[:4]} {c[4:8]} {c[8:12]} {c[12:16]} {c[16:]}")
c = card('4', 16); add('Payment Card', f"Tarjeta: {c} caducidad {exp()} CVV {rs(DG, 3)}")
c = card(R.choice(['51', '53', '55']), 16); add('Payment Card', f"txn_id,customer,pan,amount,currency\n88123,L. Moreau,{c},49.90,EUR")
c = card(R.choice(['6759', '6763']), 16); add('Payment Card', f"Maestro  {grp(c)}   (geldig tot {exp()})")
c = card('65', 16); add('Payment Card', f"pls use my discover {grp(c, 4, '-')} for the deposit, cvv is on the back lol {rs(DG, 3)}")
c = card('5' + R.choice('245'), 16); add('Payment Card', f"Carta di credito n. {grp(c)} scadenza {exp()} - intestata a Giulia Rossi")

# ---- Phone Number (16)
def us_num():
    area = R.choice([212, 310, 415, 617, 646, 702, 312, 206, 512, 303])
    ex = R.choice([x for x in range(201, 999) if x != 555])
    return area, ex, rs(DG, 4)


a, e, l = us_num(); add('Phone Number', f'{{"customer": {{"id": 88412, "phone": "+1{a}{e}{l}", "opt_in": true}}}}')
a, e, l = us_num(); add('Phone Number', f"Thanks again for your time today.\n\n--\nMaria Gonzalez\nSenior Recruiter | Northwind Staffing\nCell ({a}) {e}-{l}")
add('Phone Number', f"Hi, you can reach our front desk on 020 7{rs(DG, 3)} {rs(DG, 4)} between 9 and 5.")
add('Phone Number', f"Sehr geehrter Herr Nowak,\nfür Rückfragen erreichen Sie mich unter Tel.: +49 (0)30 {rs(DG, 4)} {rs(DG, 4)}.\nMit freundlichen Grüßen\nS. Berg")
add('Phone Number', f"Bonjour, vous pouvez me joindre au 06 {rs(DG, 2)} {rs(DG, 2)} {rs(DG, 2)} {rs(DG, 2)} après 18h. Bonne soirée !")
add('Phone Number', f"Para cualquier duda, llámeme al +34 6{rs(DG, 2)} {rs(DG, 3)} {rs(DG, 3)}. Un saludo.")
add('Phone Number', f"Ciao, il mio cellulare è +39 3{rs(DG, 2)} {rs(DG, 3)} {rs(DG, 4)}, scrivimi su WhatsApp.")
add('Phone Number', f"Bel me even terug op 06-{rs('123456789', 1)}{rs(DG, 7)}, ik ben vanmiddag thuis.")
add('Phone Number', f"Kontakt: +48 5{rs(DG, 2)} {rs(DG, 3)} {rs(DG, 3)} (pon.-pt. 8-16)")
add('Phone Number', f"Meu WhatsApp: +55 11 9{rs(DG, 4)}-{rs(DG, 4)}")
add('Phone Number', f"Delivery contact: Priya Sharma, +91 9{rs(DG, 4)} {rs(DG, 5)}")
add('Phone Number', f"担当: 田中  携帯 090-{rs(DG, 4)}-{rs(DG, 4)}")
add('Phone Number', f"Shift swap? txt me on 04{rs(DG, 2)} {rs(DG, 3)} {rs(DG, 3)} cheers")
add('Phone Number', f"Ring mig på 070-{rs(DG, 3)} {rs(DG, 2)} {rs(DG, 2)} om det blir problem med nycklarna.")
add('Phone Number', f"Notfallnummer Hauswart: 0041 79 {rs(DG, 3)} {rs(DG, 2)} {rs(DG, 2)}")
a, e, l = us_num(); add('Phone Number', f"voicemail 3:12pm - guy from the roofing co, cb {a} {e} {l} asap re: estimate")
add('Phone Number', f"Mvh\nMikkel Jensen\nTlf. +45 {rs('2345', 1)}{rs(DG, 1)} {rs(DG, 2)} {rs(DG, 2)} {rs(DG, 2)}")

# ---- Email Address (10)
add('Email Address', "Hi team, please add ana.kowalska84@gmail.com to the shared calendar so she gets the invites.")
add('Email Address', "[user]\n\tname = Tomasz Nowak\n\temail = t.nowak@nowak-elektro.pl".replace('\t', '    '))
add('Email Address', 'const SUPPORT_CONTACT = "Jana.Novakova@seznam.cz"; // TODO move to config')
add('Email Address', "Bei Fragen wenden Sie sich bitte an J.Schmidt@Schmidt-Haustechnik.DE - wir melden uns.")
add('Email Address', "id,name,email,signup\n4411,Chloé Moreau,chloe.moreau@orange.fr,2023-09-14")
add('Email Address', "<p>Kontakt: <a href=\"mailto:info@bakkerij-devries.nl\">stuur ons een mail</a></p>")
add('Email Address', "Forum post by kenji_t: I emailed priya.sharma.dev@outlook.com last week about the bug but no reply yet, anyone else?")
add('Email Address', "ALTER USER reporting SET notify_to = 'lars.lindqvist@telia.se';")
add('Email Address', "Scanned form (OCR):\nNam e: Aino Virtanen\nE-mail:  aino.virtanen@elisa.fi\nDate: 12.0З.2024")
add('Email Address', "Meeting notes 03/11: Marcus will loop in fatima.okafor@brightline-health.co.uk for the DPIA review.")

# ---- National ID (22)
s = de_steuerid(); add('National ID', f"Sehr geehrte Frau Weißmann,\nIhre steuerliche Identifikationsnummer lautet: {s[:2]} {s[2:5]} {s[5:8]} {s[8:]}\nBitte bewahren Sie dieses Schreiben auf.\nIhr Bundeszentralamt")
s = de_steuerid(); add('National ID', f"Personalfragebogen\nSteuer-ID:  {s}\nKonfession: rk   Steuerklasse: 1")
n, k = fr_nir(); add('National ID', f"Numéro de sécurité sociale : {n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:10]} {n[10:13]} {k}")
s = it_cf(); add('National ID', f"Egregio Dott. Bianchi,\nin allegato il modulo compilato. Codice fiscale: {s}\nCordiali saluti")
s = it_cf(); add('National ID', f"cf: {s.lower()} (per la fattura elettronica)")
s = es_dni(); add('National ID', f"Nombre: Mateo García\nDNI: {s[:8]}-{s[8]}\nDomicilio: C/ Mayor 12, Madrid")
s = es_nie(); add('National ID', f"Hola, para el contrato de alquiler mi NIE es {s}, gracias!")
s = nl_bsn(); add('National ID', f"Beste meneer de Vries,\nuw burgerservicenummer (BSN) {s} is bij ons bekend.\nMet vriendelijke groet,\nGemeente Utrecht")
s = pesel(); add('National ID', f"Imię i nazwisko: Katarzyna Kowalska\nPESEL: {s}\nAdres: ul. Długa 5, Gdańsk")
s = se_pnr(); add('National ID', f"Personnummer: 19{s}\nFörsäkringskassan, handläggare Elin L.")
s = fi_hetu(); add('National ID', f"Henkilötunnus {s}, osoite Mannerheimintie 4 B, Helsinki")
s = dk_cpr(); add('National ID', f"Hej, jeg har glemt mit CPR-nr. på blanketten, det er {s}. Vh Mikkel")
s = ro_cnp(); add('National ID', f"Subsemnatul Andrei Popescu, CNP {s}, declar pe propria răspundere...")
s = be_nn(); add('National ID', f"Rijksregisternummer / Numéro national: {s}")
s = pt_nif(); add('National ID', f"Fatura emitida para NIF {s} - consumidor final")
s = at_svnr(); add('National ID', f"Sozialversicherungsnummer: {s}\nDienstgeber: Huber Bau GmbH")
s = ch_ahv(); add('National ID', f"AHV-Nr. / No AVS: {s}")
s = ie_pps(); add('National ID', f"Hi, my PPS number is {s} - do you need anything else for the payslip?")
p, d, sx = uk_nino(); add('National ID', f"National Insurance number: {p} {d[:2]} {d[2:4]} {d[4:]} {sx}")
p, d, sx = uk_nino(); add('National ID', f"employee_record = {{'name': 'Olivia Hughes', 'ni_number': '{p}{d}{sx}', 'start': '2024-04-02'}}")
s = cz_rc(); add('National ID', f"Rodné číslo: {s}\nTrvalé bydliště: Brno")
s = dk_cpr(); add('National ID', f"SCANNED:\nNavn: Lars  Jensen\nCPR  {s.replace('-', '')}\nUnderskrift: [illegible]")

# ---- US SSN (7)
a, g, sr = us_ssn(); add('US Social Security Number', f"New hire paperwork - Jamal Brooks\nSSN: {a}-{g}-{sr}\nStart date: 06/03/2024")
a, g, sr = us_ssn(); add('US Social Security Number', f"[10:41] customer: my social is {a} {g} {sr}\n[10:41] agent: thank you, verifying")
a, g, sr = us_ssn(); add('US Social Security Number', f"a Employee's social security number\n{a}-{g}-{sr}\nb Employer identification number (EIN)\n[see attached]\nOMB No. 1545-0008")
a, g, sr = us_ssn(); add('US Social Security Number', f'{{"applicant": {{"first": "Olivia", "last": "Brooks", "ssn": "{a}{g}{sr}", "dob": "1988-07-19"}}}}')
a, g, sr = us_ssn(); add('US Social Security Number', f"S S N :   {a} - {g} -\n{sr}")
a, g, sr = us_ssn(); add('US Social Security Number', f"Voicemail: hi it's Mark, for the loan application my SSN is {a}-{g}-{sr}, call me if you need more.")
a, g, sr = us_ssn(); add('US Social Security Number', f"UPDATE patients SET ssn = '{a}-{g}-{sr}' WHERE mrn = 'A0093321';")

# ---- US Taxpayer ID (6)
add('US Taxpayer ID', f"Invoice #INV-20931\nBrightline Consulting LLC\nEIN: {ein()}\nTerms: Net 30")
add('US Taxpayer ID', f"Form W-9, Part I - Employer identification number: {ein().replace('-', ' - ')}")
add('US Taxpayer ID', f"ITIN {itin()} - please use this instead of SSN for the 1040")
add('US Taxpayer ID', f"vendor = {{\"name\": \"Acme Tooling Inc\", \"tax_id\": \"{ein()}\", \"1099\": True}}")
add('US Taxpayer ID', f"Unsere US-Steuernummer (EIN) lautet {ein()}, bitte auf der Rechnung angeben.")
add('US Taxpayer ID', f"Individual Taxpayer Identification Number:  {itin()}")

# ---- Health Insurance Number (8)
add('Health Insurance Number', f"Sehr geehrte Versicherte,\nIhre Krankenversichertennummer: {kvnr()}\nIhre Techniker Krankenkasse")
add('Health Insurance Number', f"Patientin: A. Weißmann, KVNR {kvnr()}, Kasse: AOK Bayern")
m = mbi(); add('Health Insurance Number', f"Medicare Number (MBI): {m[:4]}-{m[4:7]}-{m[7:]}\nPart A effective 03-01-2021")
add('Health Insurance Number', f"PID|1||{mbi()}^^^CMS^MB||BROOKS^JAMAL||19541102|M")
add('Health Insurance Number', f"NHS No: {nhs()}\nGP: Dr Hughes, Riverside Surgery")
add('Health Insurance Number', f"Hi, re my repeat prescription, my NHS number is {nhs().replace(' ', '')}. Thanks, Olivia")
add('Health Insurance Number', f"Referral letter\nPatient: Marcus Hughes\nNHS number  {nhs()}\nReason: persistent cough")
e = card('80276', 20); add('Health Insurance Number', f"Europäische Krankenversicherungskarte (EHIC)\nKennnummer der Karte: {e}\nGültig bis: 31/12/2027")

# ---- Health Provider ID (4)
add('Health Provider ID', f"Rendering provider: Dr. Priya Sharma, MD\nNPI: {npi()}\nTaxonomy 207R00000X")
add('Health Provider ID', f"NM1*82*1*SHARMA*PRIYA****XX*{npi()}~")
add('Health Provider ID', f'{{"prescriber": {{"name": "Kenji Tanaka", "npi": "{npi()}", "state": "WA"}}}}')
add('Health Provider ID', f"Please update our billing profile - new National Provider Identifier is {npi()} (group practice).")

# ---- Passport Number (7)
add('Passport Number', f"Passport No.: {rs(DG, 9)}\nNationality: USA\nDate of expiry: 14 AUG 2031")
add('Passport Number', f"Reisepass-Nr. {R.choice('CFGHJK')}{rs('CFGHJKLMNPRTVWXYZ0123456789', 8)} - gültig bis 2030")
add('Passport Number', f"Bonjour, mon numéro de passeport est {rs(DG, 2)}{rs(UP, 2)}{rs(DG, 5)}, pour la réservation du vol.")
add('Passport Number', f"Pasaporte n.º {rs(UP, 3)}{rs(DG, 6)}\nFecha de caducidad: 02/09/2029")
add('Passport Number', f"Numero passaporto: {rs(UP, 2)}{rs(DG, 7)} (rilasciato dalla Questura di Milano)")
add('Passport Number', f"traveller_passport = \"{rs(UP, 2)}{rs(DG, 7)}\"  # UK, for visa form")
pn = 'C' + rs('CFGHJKLMNPRTVWXYZ0123456789', 8)
sur = R.choice(['LINDQVIST', 'WEISSMANN', 'NOWAK', 'BERG'])
l1 = ('P<D<<' + sur + '<<ANNA<LENA').ljust(44, '<')
dob, ex = '880719', '310822'
part = pn + mrz_cd(pn) + 'D<<' + dob + mrz_cd(dob) + 'F' + ex + mrz_cd(ex) + '<' * 14 + '<'
comp = pn + mrz_cd(pn) + dob + mrz_cd(dob) + ex + mrz_cd(ex) + '<' * 14 + '<'
l2 = part + mrz_cd(comp)
add('Passport Number', f"Scan result page 2 (MRZ):\n{l1}\n{l2}")

# ---- Bank Routing Number (6)
add('Bank Routing Number', f"Direct deposit setup\nRouting number (ABA): {aba()}\nAccount type: Checking")
add('Bank Routing Number', f"RTN {aba()} - use this for incoming domestic wires")
add('Bank Routing Number', f"ABA / Routing #:  {aba()}")
add('Bank Routing Number', f'payload = {{"routing_number": "{aba()}", "account_type": "savings"}}')
add('Bank Routing Number', f"[chat] me: whats the routing # for the credit union?\n[chat] Dana: {aba()}")
add('Bank Routing Number', f"ACH origination form - Receiving DFI routing transit number: {aba()}")

# ---- Bank Account (6)
add('Bank Account', f"Account number: {rs(DG, 12)}\nAccount type: checking\nPlease confirm before the first payroll run.")
add('Bank Account', f"Kontonummer {rs('123456789', 1)}{rs(DG, 9)} bei der Sparkasse - bitte dorthin überweisen.")
add('Bank Account', f"please pay the deposit into my account, acc no {rs(DG, 8)} (Nationwide)")
add('Bank Account', f"Numéro de compte : {rs(DG, 11)} - agence Lyon Part-Dieu")
add('Bank Account', f"Bank acct #: {rs(DG, 4)} {rs(DG, 4)}\n{rs(DG, 4)}   (hand-written, see scan)")
add('Bank Account', f"A/c No. 50100{rs(DG, 9)}, HDFC Bank, Koramangala branch")

# ---- BIC (6)
add('BIC', f"BIC: {bic('DE', 'XXX')}\nBank: Volksbank Mittelhessen")
add('BIC', f"For international transfers please use SWIFT code {bic('GB', '')}.")
add('BIC', f"Code BIC : {bic('FR')} - merci d'indiquer la référence du dossier.")
add('BIC', f"Código SWIFT/BIC: {bic('ES', '')}")
add('BIC', f'{{"beneficiary_bank": {{"bic": "{bic("NL", "")}", "country": "NL"}}}}')
add('BIC', f"Für Auslandsüberweisungen benötigen Sie noch den BIC {bic('AT', rs(UP + DG, 3))}.")

# ---- API Key (7)
add('API Key', f'# weather.py\nimport requests\n\nOWM_API_KEY = "{rs(HEX, 32)}"\n\ndef current(city):\n    return requests.get(BASE, params={{"q": city, "appid": OWM_API_KEY}}).json()')
add('API Key', f"define('MAILCHIMP_API_KEY', '{rs(HEX, 32)}-us14');")
add('API Key', f'curl -s https://api.internal-metrics.io/v2/series -H "X-API-Key: {rs(AN, 40)}" -d @query.json')
add('API Key', f"datadog:\n  site: datadoghq.eu\n  api_key: {rs(HEX, 32)}\n  logs_enabled: true")
add('API Key', f'req, _ := http.NewRequest("GET", url, nil)\nreq.Header.Set("X-Api-Key", "{rs(AN, 32)}")')
add('API Key', f"ALGOLIA_APP_ID=KX8Q2M1ZTB\nALGOLIA_ADMIN_API_KEY={rs(HEX, 32)}")
add('API Key', f'let apiKey = "{rs(AN, 36)}" // geocoding service, TODO: move to Keychain')

# ---- AWS Access Key (6)
add('AWS Access Key', f"export AWS_ACCESS_KEY_ID={aws_id()}\nexport AWS_DEFAULT_REGION=eu-central-1")
add('AWS Access Key', f'provider "aws" {{\n  region     = "us-east-1"\n  access_key = "{aws_id()}"\n}}')
add('AWS Access Key', f"commit 8a1c0f2: remove hardcoded key {aws_id()} from deploy.sh (rotated in IAM)")
add('AWS Access Key', f'let access_key_id = "{aws_id()}"; // TODO read from env')
add('AWS Access Key', f"ENV AWS_ACCESS_KEY_ID={aws_id()}")
add('AWS Access Key', f'{{"Credentials": {{"AccessKeyId": "{aws_id("ASIA")}", "Expiration": "2024-05-02T12:00:00Z"}}}}')

# ---- AWS Secret Key (5)
add('AWS Secret Key', f"[default]\nregion = eu-west-1\naws_secret_access_key = {aws_secret()}")
add('AWS Secret Key', f'val awsSecretAccessKey = "{aws_secret()}"')
add('AWS Secret Key', f'- name: upload artefacts\n  amazon.aws.s3_object:\n    bucket: build-artefacts\n    aws_secret_key: "{aws_secret()}"')
add('AWS Secret Key', f"    env:\n      AWS_SECRET_ACCESS_KEY: {aws_secret()}")
add('AWS Secret Key', f'var secretKey = "{aws_secret()}"; // AWS secret for the S3 uploader')

# ---- Anthropic (5)
add('Anthropic API Key', f'import anthropic\n\nclient = anthropic.Anthropic(api_key="{anthropic_key()}")')
add('Anthropic API Key', f"ANTHROPIC_API_KEY={anthropic_key()}")
add('Anthropic API Key', f"const anthropic = new Anthropic({{ apiKey: '{anthropic_key()}' }});")
add('Anthropic API Key', f'curl https://api.anthropic.com/v1/messages -H "x-api-key: {anthropic_key()}" -H "anthropic-version: 2023-06-01"')
add('Anthropic API Key', f"hey can you try with the eval key: {anthropic_key()} - delete after")

# ---- Azure Storage Key (5)
add('Azure Storage Key', f'"ConnectionStrings": {{\n  "Blob": "DefaultEndpointsProtocol=https;AccountName=stcontosoprod01;AccountKey={azure_key()};EndpointSuffix=core.windows.net"\n}}')
add('Azure Storage Key', f'var cs = "DefaultEndpointsProtocol=https;AccountName=fabrikamlogs;AccountKey={azure_key()}";')
add('Azure Storage Key', f"AZURE_STORAGE_ACCOUNT=northwindmedia\nAZURE_STORAGE_KEY={azure_key()}")
add('Azure Storage Key', f'$ctx = New-AzStorageContext -StorageAccountName "tailspinbackup" -StorageAccountKey "{azure_key()}"')
add('Azure Storage Key', f'storage_account_access_key = "{azure_key()}"')

# ---- Basic Auth Credentials (6)
def basic():
    return base64.b64encode(f"{R.choice(['admin', 'deploy', 'svc-report', 'jenkins', 'k.nowak'])}:{pw_rand(14)}".encode()).decode()


add('Basic Auth Credentials', f'curl -H "Authorization: Basic {basic()}" https://ci.internal.lan/job/nightly/build')
add('Basic Auth Credentials', f"GET /api/v1/export HTTP/1.1\nHost: reports.acme-intra.net\nAuthorization: Basic {basic()}\nAccept: text/csv")
add('Basic Auth Credentials', f'location /upstream/ {{\n    proxy_pass http://10.0.3.12:8080;\n    proxy_set_header Authorization "Basic {basic()}";\n}}')
add('Basic Auth Credentials', f"headers = {{'Authorization': 'Basic {basic()}', 'Content-Type': 'application/json'}}")
add('Basic Auth Credentials', f'conn.setRequestProperty("Authorization", "Basic {basic()}");')
add('Basic Auth Credentials', f'Invoke-RestMethod -Uri $uri -Headers @{{ Authorization = "Basic {basic()}" }}')

# ---- Bearer Token (6)
add('Bearer Token', f'curl -X POST https://api.partner-gateway.com/v3/orders -H "Authorization: Bearer {rs(AN, 48)}"')
add('Bearer Token', f"fetch('/api/me', {{ headers: {{ Authorization: 'Bearer {rs(AN + '-_', 43)}' }} }})")
add('Bearer Token', f"POST /graphql HTTP/2\nhost: gql.shopfront.io\nauthorization: Bearer {rs(HEX, 64)}\ncontent-type: application/json")
add('Bearer Token', f'{{"name": "Get invoices", "request": {{"header": [{{"key": "Authorization", "value": "Bearer {rs(AN, 40)}"}}]}}}}')
add('Bearer Token', f'req.Header.Add("Authorization", "Bearer {rs(AN + ".", 56)}")')
add('Bearer Token', f"2024-04-18T08:12:09Z DEBUG http.client send: Authorization: Bearer {rs(AN, 36)} path=/v1/sync")

# ---- Database URL With Password (9)
add('Database URL With Password', f"DATABASE_URL=postgres://app_user:{pw_url()}@db.prod.internal:5432/orders")
add('Database URL With Password', f'engine = create_engine("mysql+pymysql://report:{pw_url()}@10.20.1.15:3306/analytics")')
add('Database URL With Password', f"const uri = 'mongodb+srv://svc_api:{pw_url()}@cluster0.x7kq2.mongodb.net/shop?retryWrites=true&w=majority';")
add('Database URL With Password', f"cache:\n  url: redis://:{pw_url()}@redis-master.cache.svc:6379/0")
add('Database URL With Password', f'conn, err := amqp.Dial("amqp://orders:{pw_url()}@rabbitmq.internal:5672/prod")')
add('Database URL With Password', f"spring.datasource.url=jdbc:mysql://db01.corp.lan:3306/erp?user=erp_app&password={pw_url()}&useSSL=true")
add('Database URL With Password', f'String url = "jdbc:postgresql://pg.internal:5432/billing?user=billing&password={pw_url()}";')
add('Database URL With Password', f"externalDatabase:\n  url: postgresql://keycloak:{pw_url()}@pg-ha.db.svc.cluster.local:5432/keycloak")
add('Database URL With Password', f"psql postgresql://migrator:{pw_url()}@localhost:5433/legacy -c 'select 1'")

# ---- GitHub Token (7)
add('GitHub Token', f"export GITHUB_TOKEN={gh_token()}\ngh release create v1.4.2 dist/*")
add('GitHub Token', f'from github import Github\ng = Github("{gh_token()}")')
add('GitHub Token', f'provider "github" {{\n  owner = "acme-platform"\n  token = "{gh_pat()}"\n}}')
add('GitHub Token', f"@npm-acme:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken={gh_token()}")
add('GitHub Token', f"Review comment: please don't commit this - `{gh_pat()}` is a real PAT, revoke it and use secrets.GITHUB_TOKEN")
add('GitHub Token', f"oauth token for the bot: {gh_token('gho_')}")
add('GitHub Token', f'installation_token = "{gh_token("ghs_")}"')

# ---- GitLab Token (5)
add('GitLab Token', f'curl --header "PRIVATE-TOKEN: glpat-{rs(AN + "-_", 20)}" "https://gitlab.example-corp.net/api/v4/projects"')
add('GitLab Token', f"gl = gitlab.Gitlab('https://gitlab.acme.io', private_token='glpat-{rs(AN + '-_', 20)}')")
add('GitLab Token', f'provider "gitlab" {{\n  token = "glpat-{rs(AN + "-_", 20)}"\n}}')
add('GitLab Token', f"gitlab-runner register --url https://gitlab.acme.io --token glrt-{rs(AN + '-_', 20)}")
add('GitLab Token', f"deploy token for registry pulls: gldt-{rs(AN + '-_', 20)} (user gitlab+deploy-token-12)")

# ---- Google API Key (5)
add('Google API Key', f'<script src="https://maps.googleapis.com/maps/api/js?key=AIza{rs(AN + "-_", 35)}&callback=initMap" async></script>')
add('Google API Key', f'<string name="google_maps_key" translatable="false">AIza{rs(AN + "-_", 35)}</string>')
add('Google API Key', f'const firebaseConfig = {{\n  apiKey: "AIza{rs(AN + "-_", 35)}",\n  authDomain: "acme-shop.firebaseapp.com",\n  projectId: "acme-shop"\n}};')
add('Google API Key', f'GMSServices.provideAPIKey("AIza{rs(AN + "-_", 35)}")')
add('Google API Key', f"YOUTUBE_KEY = 'AIza{rs(AN + '-_', 35)}'")

# ---- Hugging Face Token (4)
add('Hugging Face Token', f'from huggingface_hub import login\nlogin(token="hf_{rs(UP + LO, 34)}")')
add('Hugging Face Token', f"HF_TOKEN=hf_{rs(UP + LO, 34)}")
add('Hugging Face Token', f"ARG HF_TOKEN=hf_{rs(UP + LO, 34)}\nRUN huggingface-cli download meta-llama/Llama-3-8B --token $HF_TOKEN")
add('Hugging Face Token', f"[forum] I get 401 even after huggingface-cli login with hf_{rs(UP + LO, 34)} , what am I doing wrong?")

# ---- JSON Web Token (6)
def jwtp():
    return {"sub": str(R.randint(10000, 99999)), "iat": 1714000000 + R.randint(0, 999999), "exp": 1715000000 + R.randint(0, 999999), "role": R.choice(["user", "admin", "svc"])}


add('JSON Web Token', f"Cookie: theme=dark; session={make_jwt(jwtp())}; lang=de")
add('JSON Web Token', f'localStorage.setItem("id_token", "{make_jwt(jwtp(), "RS256")}")')
add('JSON Web Token', f'TEST_TOKEN = "{make_jwt(jwtp())}"  # copied from staging, expires friday')
add('JSON Web Token', f"2024-05-01 10:22:13 INFO auth: issued token={make_jwt(jwtp())} for client=mobile-ios")
add('JSON Web Token', f'{{"access_token": "{make_jwt(jwtp(), "RS256")}", "token_type": "JWT", "expires_in": 3600}}')
add('JSON Web Token', f"Hi support, the app keeps logging me out. Here's the token from the debug screen: {make_jwt(jwtp())}")

# ---- npm Token (5)
add('npm Token', f"registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=npm_{rs(AN, 36)}\nalways-auth=true")
add('npm Token', f"NPM_TOKEN=npm_{rs(AN, 36)} npm publish --access public")
add('npm Token', f"      - run: npm ci\n        env:\n          NODE_AUTH_TOKEN: npm_{rs(AN, 36)}")
add('npm Token', f'RUN echo "//registry.npmjs.org/:_authToken=npm_{rs(AN, 36)}" > ~/.npmrc && npm install')
add('npm Token', f"automation token for the release bot -> npm_{rs(AN, 36)}")

# ---- OpenAI (5)
add('OpenAI API Key', f'from openai import OpenAI\nclient = OpenAI(api_key="{openai_key()}")')
add('OpenAI API Key', f"OPENAI_API_KEY={openai_key()}")
add('OpenAI API Key', f"const openai = new OpenAI({{ apiKey: '{openai_key()}' }});")
add('OpenAI API Key', f'curl https://api.openai.com/v1/chat/completions -H "Authorization: Bearer {openai_key()}" -d @req.json')
add('OpenAI API Key', f"Forum: my script fails with 429, key is {openai_key()} (test project, will rotate)")

# ---- Password (14)
add('Password', f"db.prod.internal:5432:orders:app_user:{pw_rand(extra='!#%&*+-=?^_')}")
add('Password', f"machine ftp.partner-files.com\n  login acme_upload\n  password {pw_rand()}")
add('Password', f"[distutils]\nindex-servers = internal\n\n[internal]\nrepository = https://pypi.acme.lan/simple\nusername = build\npassword = {pw_human()}")
add('Password', f"spring.datasource.username=erp_app\nspring.datasource.password={pw_rand()}")
add('Password', f'<Connector port="8443" protocol="HTTP/1.1" SSLEnabled="true"\n    keystoreFile="conf/keystore.jks" keystorePass="{pw_human()}" />')
add('Password', f'AuthLDAPBindDN "cn=svc-apache,ou=services,dc=acme,dc=lan"\nAuthLDAPBindPassword "{pw_rand()}"')
add('Password', f"all:\n  vars:\n    ansible_user: deploy\n    ansible_become_password: {pw_human()}")
add('Password', f"grafana:\n  adminUser: admin\n  adminPassword: \"{pw_rand()}\"")
add('Password', f'$secure = ConvertTo-SecureString "{pw_human()}" -AsPlainText -Force')
add('Password', f'"Server=sql01.corp.lan;Database=Payroll;User Id=payroll_svc;Password={pw_rand(extra="!#%&*+-=?^_")};TrustServerCertificate=True"')
add('Password', f"DRIVER={{ODBC Driver 18 for SQL Server}};SERVER=tcp:10.1.4.20,1433;UID=etl;PWD={pw_rand()}")
add('Password', f"Sehr geehrte Frau Berg,\nIhr neues Passwort für das Kundenportal lautet: {pw_human()}\nBitte ändern Sie es nach der ersten Anmeldung.")
add('Password', f'resource "aws_db_instance" "main" {{\n  engine   = "postgres"\n  username = "dbadmin"\n  password = "{pw_rand()}"\n}}')
add('Password', f"$db_password = '{pw_human()}'; // legacy, do not touch")

# ---- Private Key (9)
add('Private Key', pem('RSA PRIVATE KEY', rsa_der()))
add('Private Key', pem('EC PRIVATE KEY', ec_der()))
add('Private Key', pem('OPENSSH PRIVATE KEY', openssh_der(), 70))
add('Private Key', pem('PRIVATE KEY', pkcs8_der()))
add('Private Key', pem('ENCRYPTED PRIVATE KEY', b'\x30\x82\x05\x16\x30\x40\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x05\x0d\x30\x33' + rbytes(1290)))
add('Private Key', pem('RSA PRIVATE KEY', rsa_der(), headers=f"Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,{rs(HEX.upper(), 32)}\n\n"))
pub = base64.b64encode(b'\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20' + rbytes(32)).decode()
prv = base64.b64encode(b'\x00\x00\x00\x20' + rbytes(32)).decode()
add('Private Key', f"PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key-20240114\nPublic-Lines: 2\n{pub[:64]}\n{pub[64:]}\nPrivate-Lines: 1\n{prv}\nPrivate-MAC: {rs(HEX, 64)}")
add('Private Key', "tls:\n  key: |\n    " + pem('EC PRIVATE KEY', ec_der()).replace('\n', '\n    '))
add('Private Key', 'resource "local_file" "deploy_key" {\n  filename = "id_rsa"\n  content  = <<EOT\n' + pem('RSA PRIVATE KEY', rsa_der()) + '\nEOT\n}')

# ---- Slack Token (5)
add('Slack Token', f"SLACK_BOT_TOKEN=xoxb-{rs(DG, 12)}-{rs(DG, 13)}-{rs(AN, 24)}")
add('Slack Token', f'client = WebClient(token="xoxb-{rs(DG, 11)}-{rs(DG, 13)}-{rs(AN, 24)}")')
add('Slack Token', f"user token for the export script: xoxp-{rs(DG, 12)}-{rs(DG, 12)}-{rs(DG, 13)}-{rs(HEX, 32)}")
add('Slack Token', f"SLACK_APP_TOKEN=xapp-1-A{rs(UP + DG, 10)}-{rs(DG, 13)}-{rs(HEX, 64)}")
add('Slack Token', f"Slack::Web::Client.new(token: 'xoxb-{rs(DG, 12)}-{rs(DG, 12)}-{rs(AN, 24)}')")

# ---- Slack Webhook (4)
def slack_hook():
    return f"https://hooks.slack.com/services/T{rs(UP + DG, 8)}/B{rs(UP + DG, 10)}/{rs(AN, 24)}"


add('Slack Webhook', f"curl -X POST -H 'Content-type: application/json' --data '{{\"text\":\"deploy done\"}}' {slack_hook()}")
add('Slack Webhook', f"alertmanager:\n  receivers:\n    - name: ops\n      slack_configs:\n        - api_url: {slack_hook()}\n          channel: '#ops-alerts'")
add('Slack Webhook', f'WEBHOOK = "{slack_hook()}"')
add('Slack Webhook', f"notify:\n\tcurl -s -d 'payload={{\"text\":\"build ok\"}}' {slack_hook()}".replace('\t', '    '))

# ---- Stripe Secret Key (5)
add('Stripe Secret Key', f"STRIPE_SECRET_KEY=sk_live_51{rs(AN, 97)}")
add('Stripe Secret Key', f"Stripe.api_key = 'sk_live_{rs(AN, 24)}'")
add('Stripe Secret Key', f"$stripe = new StripeClient('sk_live_51{rs(AN, 97)}');")
add('Stripe Secret Key', f'const stripe = require("stripe")("rk_live_51{rs(AN, 97)}");')
add('Stripe Secret Key', f"stripe.api_key = \"sk_live_{rs(AN, 34)}\"  # prod!! don't push")

# ---- URL With Credentials (6)
add('URL With Credentials', f"https://jsmith:{pw_url()}@git.acme-intra.net")
add('URL With Credentials', f"pip install --index-url https://build:{pw_url()}@artifactory.acme.lan/api/pypi/pypi-virtual/simple acme-utils")
add('URL With Credentials', f"wget ftp://backup:{pw_url()}@files.northwind.local/exports/2024-05.tar.gz")
add('URL With Credentials', f"Repo moved, new remote: git remote set-url origin https://ci-bot:{pw_url()}@bitbucket.corp.lan/scm/plat/api.git")
add('URL With Credentials', f'<repository>\n  <url>https://deployer:{pw_url()}@nexus.acme.lan/repository/maven-releases/</url>\n</repository>')
add('URL With Credentials', f"rclone config: url = https://nextcloud-user:{pw_url()}@cloud.familie-berg.de/remote.php/dav")

# ================================================================ NEGATIVES
def u4():
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


def bad_luhn(prefix, n):
    c = card(prefix, n)
    return c[:-1] + str((int(c[-1]) + 5) % 10)


def ean13(p):
    return p + str((10 - sum(int(x) * (1 if i % 2 == 0 else 3) for i, x in enumerate(p)) % 10) % 10)


NEG = [
    f"Merge pull request #4412 from acme/cleanup-logging ({rs(HEX, 40)})",
    f"{rs(HEX, 64)}  terraform_1.7.4_linux_amd64.zip",
    f"2024-05-02T10:11:12.404Z INFO request completed correlation_id={u4()} duration_ms=42",
    "  password: {{ .Values.postgresql.auth.password | quote }}",
    'db_password: "{{ vault_db_password }}"',
    'conn_str = "host=%(host)s user=%(user)s password=%(password)s" % cfg',
    "    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?missing}",
    "2024-05-02 09:00:01 auth INFO login ok user=jdoe password=<redacted> ip=10.0.0.7",
    'smtp_password = "********"',
    "# From the AWS docs:\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "Docs: for testing, use card 4242 4242 4242 4242 with any future expiry date and any 3-digit CVC.",
    "QA note: test card 4111 1111 1111 1111 still declines on staging, see PAY-1193",
    f"Order number: {grp(bad_luhn('4', 16))} (shipped 12 May)",
    "Card: **** **** **** 4821  exp **/**",
    "SSN: XXX-XX-1234 (masked per policy)",
    f"Order #{rs(DG, 3)}-{rs(DG, 7)}-{rs(DG, 7)} has been dispatched.",
    f"UPS tracking: 1Z{rs(UP + DG, 6)}{rs(DG, 10)}",
    f"USPS Tracking #: 9400 1{rs(DG, 3)} {rs(DG, 4)} {rs(DG, 4)} {rs(DG, 4)} {rs(DG, 2)}",
    f"ISBN {(lambda b: b[:3] + '-' + b[3] + '-' + b[4:8] + '-' + b[8:12] + '-' + b[12])(ean13('9783' + rs(DG, 8)))}, 2. Auflage",
    f"EAN {ean13('40' + rs(DG, 10))} - Bio Haferdrink 1L",
    "Release v3.12.4-rc.2+build.20240311.7 (commit a1b2c3d)",
    "OS: Microsoft Windows 11 Pro 10.0.22631 Build 22631.3296",
    "created_at=2024-03-07T12:05:45.123+01:00 epoch_ms=1709809545123",
    f"Connection from 10.42.{R.randint(0, 255)}.{R.randint(1, 254)}:53122 to 172.16.0.5:5432 refused",
    "iface eth0 inet6 fe80::1c2b:3ff:fe4a:9b21/64 ether 3c:22:fb:7a:91:0e",
    "Treffpunkt: 52.520008, 13.404954 (Brandenburger Tor)",
    "<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAA" + base64.b64encode(rbytes(60)).decode() + "\">",
    f'<script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js" integrity="sha384-{base64.b64encode(rbytes(48)).decode()}" crossorigin="anonymous"></script>',
    f'"node_modules/lodash": {{\n  "version": "4.17.21",\n  "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz",\n  "integrity": "sha512-{base64.b64encode(rbytes(64)).decode()}"\n}}',
    "ssh-ed25519 " + base64.b64encode(b'\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20' + rbytes(32)).decode() + " ci-deploy-key",
    pem('PUBLIC KEY', b'\x30\x82\x01\x22\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00\x03\x82\x01\x0f\x00' + rbytes(270)),
    pem('CERTIFICATE', b'\x30\x82\x03\x5a\x30\x82\x02\x42\xa0\x03\x02\x01\x02' + rbytes(850)),
    "Password requirements: at least 12 characters, one uppercase letter, one digit and one special character.",
    "Das Passwort muss mindestens 10 Zeichen lang sein und darf nicht dem Benutzernamen entsprechen.",
    "Le mot de passe doit contenir au moins 8 caractères dont un chiffre.",
    'password = os.environ["DB_PASSWORD"]',
    "interface LoginForm {\n  username: string;\n  password: string;\n  remember?: boolean;\n}",
    "private String password; // injected via setter, never logged",
    '{"login.forgot_password": "Passwort vergessen?", "login.password": "Passwort"}',
    "OPENAI_API_KEY=your-api-key-here\nANTHROPIC_API_KEY=<your key>",
    "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "DATABASE_URL=postgres://${DB_USER}:${DB_PASS}@db:5432/app",
    'resource "aws_db_instance" "main" {\n  username = var.db_user\n  password = var.db_password\n}',
    "        env:\n          - name: DB_PASSWORD\n            valueFrom:\n              secretKeyRef:\n                name: db-credentials\n                key: password",
    "# Azurite local emulator (well-known dev account, not a secret)\nDefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;",
    f"traceparent: 00-{rs(HEX, 32)}-{rs(HEX, 16)}-01",
    "HEAD is now at 9fceb02 Fix flaky checkout test",
    f"image: nginx@sha256:{rs(HEX, 64)}",
    ".btn-primary { background: #1a73e8; border-color: #174ea6; }",
    f"Rechnungsnummer: RE-2024-{rs(DG, 6)}\nKundennummer: {rs(DG, 6)}\nBestelldatum: 03.04.2024",
    f"Ticket #{rs(DG, 6)} reopened, linked to PAY-{rs(DG, 4)}",
    f"Serial number: {rs(DG, 4)}-{rs(DG, 4)}-{rs(DG, 4)}-{rs(DG, 2)}",
    "Meeting moved to 2024-11-05 14:30-15:15 CET, room 4.12",
    "Avogadro constant N_A = 6.02214076e23 mol^-1; pi = 3.14159265358979323846",
    f"<script defer src=\"/static/js/main.{rs(HEX, 20)}.js\"></script>",
    "banner_b64: SGVsbG8sIHdlbGNvbWUgdG8gdGhlIHN0YWdpbmcgc2VydmVyIQ==",
    "npm i @babel/core@7.24.0 @types/node@20.11.30",
    "git clone git@github.com:acme-platform/widgets.git",
    "E-mail (z. B. name@example.com): ____________________",
    "Phone: ______________________   Fax: ______________________",
    f"Routing number (ABA): {aba(False)} <- failed checksum, please re-enter",
    f"NHS No: {nhs(False)} (invalid - check digit mismatch)",
    f"Steuer-ID: {de_steuerid(False)} (Prüfziffer ungültig)",
    f"NPI lookup returned no result for {npi(False)} (check digit invalid)",
    f"BSN {nl_bsn(False)} voldoet niet aan de elfproef",
    f"fixture users.json: {{\"username\": \"demo\", \"password_hash\": \"$2b$12${rs(AN + './', 53)}\"}}",
    "md5 (empty file) = d41d8cd98f00b204e9800998ecf8427e",
    "Required environment: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, STRIPE_SECRET_KEY, SLACK_WEBHOOK_URL",
    'curl -H "Authorization: Bearer <token>" https://api.example.com/v1/me',
    "Authorization: Basic <base64(username:password)>",
    "Paste your deploy key below (it starts with -----BEGIN OPENSSH PRIVATE KEY----- and must not be shared).",
    "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/XXXXXXXXX/XXXXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX",
    "Gesamtbetrag: 1.234.567,89 EUR; Vorjahr: 1.198.004,12 EUR",
    "Stripe docs example: Stripe.api_key = 'sk_test_your_key_here'",
    "JWT format: <base64url(header)>.<base64url(payload)>.<base64url(signature)>",
]
# checksum-failing IBAN with context
bad = iban('DE')
bad = bad[:2] + f"{(int(bad[2:4]) + 7) % 90 + 2:02d}" + bad[4:]
assert not iban_ok(bad)
NEG.append(f"Die angegebene IBAN {grp(bad)} ist ungültig (Prüfsumme falsch).")
for t in NEG:
    add('NEG', t)

# ================================================================ sanity + write
assert luhn_cd('80840123456789') == '3'  # NPI 1234567893
for lab, t in cases:
    assert '\t' not in t and '\\' not in t and '\r' not in t, (lab, t[:60])
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'blind-probe-3.tsv')
with open(out, 'w', encoding='utf-8') as f:
    for lab, t in cases:
        f.write(lab + '\t' + t.replace('\n', '\\n') + '\n')
cnt = {}
for lab, _ in cases:
    cnt[lab] = cnt.get(lab, 0) + 1
for k in sorted(cnt):
    print(f"{cnt[k]:4d}  {k}")
print(len(cases), 'cases ->', out)
