"""Generates corpus.jsonl, the labelled accuracy corpus of the SIGIL scanner.

    python3 generate_corpus.py > corpus.jsonl

Each line: {"id", "group", "context", "text", "labels": [{"detector", "category", "start", "end"}]}.
"group" is the detector the sample was written for (or "common" for the shared hard negatives); a
sample without labels is a hard negative: any finding in it is a false positive. Every value is a
generated fake (see fakes.py); the surrounding text imitates code, config files, logs, JSON tool
results and prose. Deterministic: the same seed gives the same file.
"""
import json
import sys

from fakes import Fakes

f = Fakes(5_2026)

# detector -> (category, code name, human phrase, positive value factory, hard-negative values)
SPECS = {
    "aws-access-key-id": ("AWS Access Key", "aws_access_key_id", "AWS access key", f.aws_key_id,
                          ["AKIAIOSFODNN7EXAMPLE", "AKIAXXXXXXXXXXXXXXXX", "AKIA1234", f.uuid()]),
    "aws-secret-access-key": ("AWS Secret Key", "aws_secret_access_key", "AWS secret access key", f.aws_secret,
                              ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "${AWS_SECRET_ACCESS_KEY}", "<secret-access-key>"]),
    "aws-session-token": ("AWS Session Token", "aws_session_token", "AWS session token", f.aws_session_token, ["IQoJb3JpZ2luX2Vj...", "<session-token>"]),
    "aws-mws-key": ("AWS MWS Key", "mws_auth_token", "MWS auth token", f.aws_mws, ["amzn.mws.<token>"]),
    "google-api-key": ("Google API Key", "google_api_key", "Google API key", f.google_api_key, ["AIzaSy_YOUR_API_KEY", "AIza..."]),
    "google-oauth-client-secret": ("Google OAuth Secret", "client_secret", "OAuth client secret", f.google_client_secret, ["GOCSPX-<secret>"]),
    "google-oauth-token": ("Google OAuth Token", "access_token", "OAuth access token", f.google_oauth_token, ["ya29.<token>"]),
    "azure-storage-key": ("Azure Storage Key", "connection_string", "storage connection string",
                          lambda: "DefaultEndpointsProtocol=https;AccountName=acct%s;AccountKey=%s;EndpointSuffix=core.windows.net" % (f.digits(3), f.azure_storage_key()),
                          ["DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=<key>"]),
    "azure-ad-client-secret": ("Azure AD Client Secret", "AZURE_CLIENT_SECRET", "Azure client secret", f.azure_client_secret, ["<client-secret>"]),
    "digitalocean-token": ("DigitalOcean Token", "DIGITALOCEAN_TOKEN", "DigitalOcean token", f.digitalocean, ["dop_v1_<token>"]),
    "alibaba-access-key-id": ("Alibaba Cloud Key", "access_key_id", "Alibaba access key", f.alibaba, ["LTAI<key>"]),
    "databricks-token": ("Databricks Token", "DATABRICKS_TOKEN", "Databricks token", f.databricks, ["dapi<token>"]),
    "hashicorp-vault-token": ("Vault Token", "VAULT_TOKEN", "Vault token", f.vault_token, ["hvs.<token>", "root"]),
    "terraform-cloud-token": ("Terraform Cloud Token", "TFE_TOKEN", "Terraform Cloud token", f.terraform, ["<tfe-token>"]),
    "github-token": ("GitHub Token", "GITHUB_TOKEN", "GitHub token", lambda: f.github_token(),
                     [f.github_token_bad_crc(), f.github_token_bad_crc(), "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "ghp_YOUR_TOKEN_HERE"]),
    "github-fine-grained-pat": ("GitHub Token", "GH_TOKEN", "GitHub personal access token", f.github_pat, ["github_pat_<token>"]),
    "gitlab-token": ("GitLab Token", "GITLAB_TOKEN", "GitLab token", f.gitlab, ["glpat-xxxxxxxxxxxxxxxxxxxx", "glpat-<token>"]),
    "slack-token": ("Slack Token", "SLACK_BOT_TOKEN", "Slack bot token", f.slack_token, ["xoxb-your-token", "xoxb-0000-0000"]),
    "slack-webhook": ("Slack Webhook", "SLACK_WEBHOOK_URL", "Slack webhook", f.slack_webhook,
                      ["https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"]),
    "discord-webhook": ("Discord Webhook", "DISCORD_WEBHOOK", "Discord webhook", f.discord_webhook, ["https://discord.com/api/webhooks/<id>/<token>"]),
    "telegram-bot-token": ("Telegram Bot Token", "TELEGRAM_BOT_TOKEN", "Telegram bot token", f.telegram, ["123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"]),
    "stripe-secret-key": ("Stripe Secret Key", "STRIPE_SECRET_KEY", "Stripe secret key", f.stripe,
                          ["sk_test_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "sk_live_..."]),
    "stripe-webhook-secret": ("Stripe Webhook Secret", "STRIPE_WEBHOOK_SECRET", "webhook signing secret", f.stripe_webhook, ["whsec_..."]),
    "shopify-token": ("Shopify Token", "SHOPIFY_ACCESS_TOKEN", "Shopify access token", f.shopify, ["shpat_<token>"]),
    "openai-api-key": ("OpenAI API Key", "OPENAI_API_KEY", "OpenAI key", f.openai_legacy, ["sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sk-..."]),
    "openai-project-key": ("OpenAI API Key", "OPENAI_API_KEY", "OpenAI project key", f.openai_project,
                           ["sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sk-proj-YOUR_KEY_HERE", "sk-proj-..."]),
    "anthropic-api-key": ("Anthropic API Key", "ANTHROPIC_API_KEY", "Anthropic API key", f.anthropic, ["sk-ant-api03-...", "sk-ant-xxxxxxxx"]),
    "huggingface-token": ("Hugging Face Token", "HF_TOKEN", "Hugging Face token", f.huggingface, ["hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "hf_hub_download"]),
    "twilio-api-key": ("Twilio API Key", "TWILIO_API_KEY", "Twilio API key", f.twilio_key, ["SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
    "twilio-auth-token": ("Twilio Auth Token", "TWILIO_AUTH_TOKEN", "Twilio auth token", f.twilio_auth, ["your_auth_token"]),
    "sendgrid-api-key": ("SendGrid API Key", "SENDGRID_API_KEY", "SendGrid API key", f.sendgrid, ["SG.xxxxxxxx.yyyyyyyy"]),
    "npm-token": ("npm Token", "NPM_TOKEN", "npm token", f.npm, ["${NPM_TOKEN}", "npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
    "pypi-token": ("PyPI Token", "TWINE_PASSWORD", "PyPI token", f.pypi, ["pypi-<token>"]),
    "dockerhub-token": ("Docker Hub Token", "DOCKERHUB_TOKEN", "Docker Hub access token", f.docker, ["dckr_pat_<token>"]),
    "jwt": ("JSON Web Token", "id_token", "ID token", f.jwt, ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", "eyJ...eyJ...sig"]),
    "database-url": ("Database URL With Password", "DATABASE_URL", "database URL",
                     lambda: "%s://%s:%s@%s:%d/%s" % (f.r.choice(["postgres", "postgresql", "mysql", "mongodb+srv", "redis"]), f.r.choice(["app", "svc_orders", "reporting"]),
                                                        f.password().replace("@", "#").replace("/", "-"), f.r.choice(["db.internal", "10.0.3.17", "cluster0.prod.net"]),
                                                        f.r.choice([5432, 3306, 27017, 6379]), f.r.choice(["orders", "app", "0"])),
                     ["postgres://user:password@localhost:5432/db", "postgres://app:${DB_PASSWORD}@db:5432/app", "mysql://root@localhost/test"]),
    "generic-password": ("Password", "db_password", "password", f.password,
                         ["${DB_PASSWORD}", "changeme", "********", "os.environ['DB_PASSWORD']", "<password>", "password123"]),
    "generic-api-key": ("API Key", "api_key", "API key", f.api_key, ["YOUR_API_KEY", "<api-key>", "${API_KEY}", "settings.API_KEY"]),
    "pem-private-key": ("Private Key", "private_key", "private key", lambda: f.pem(f.r.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY"])),
                        ["-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----\n" + f.pem_body(3) + "\n-----END PUBLIC KEY-----",
                         "-----BEGIN CERTIFICATE-----\n" + f.pem_body(5) + "\n-----END CERTIFICATE-----"]),
    "openssh-private-key": ("Private Key", "ssh_key", "SSH private key", lambda: f.pem("OPENSSH PRIVATE KEY"),
                            ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + f.s("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 43) + " ci@runner"]),
    "age-secret-key": ("Private Key", "SOPS_AGE_KEY", "age key", f.age, ["age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"]),
    "iban": ("IBAN", "iban", "IBAN", lambda: f.iban(), [f.iban(valid=False), f.iban(valid=False), "DE00 0000 0000 0000 0000 00", "GB00WEST00000000000000"]),
    "payment-card": ("Payment Card", "card_number", "card number", lambda: f.card(), [f.card(valid=False), f.card(valid=False), "1234 5678 9012 3456", "0000 0000 0000 0000"]),
    "bic": ("BIC", "bic", "BIC", f.bic, ["n/a", "unknown"]),
    "aba-routing-number": ("Bank Routing Number", "routing_number", "routing number", f.aba, [f.aba(False), f.aba(False)]),
    "email": ("Email Address", "email", "email address", f.email, ["user@localhost", "@username", "icon@2x.png"]),
    "phone-e164": ("Phone Number", "phone", "phone number", f.phone_e164, ["+1", "+0 000"]),
    "phone-national": ("Phone Number", "phone", "phone number", f.phone_national, ["123", "n/a"]),
    "us-ssn": ("US Social Security Number", "ssn", "SSN", lambda: f.ssn(), [f.ssn(False), f.ssn(False), "000-00-0000"]),
    "de-tax-id": ("National ID", "steuer_id", "Steuer-ID", lambda: f.de_tax_id(), [f.de_tax_id(False), f.de_tax_id(False), "12345678901"]),
    "fr-nir": ("National ID", "nir", "numéro de sécurité sociale (NIR)", lambda: f.fr_nir(), [f.fr_nir(False), f.fr_nir(False)]),
    "it-codice-fiscale": ("National ID", "codice_fiscale", "codice fiscale", lambda: f.it_cf(), [f.it_cf(False), f.it_cf(False)]),
    "es-dni-nie": ("National ID", "dni", "DNI", lambda: f.es_dni(), [f.es_dni(False), f.es_dni(False)]),
    "nl-bsn": ("National ID", "bsn", "BSN", lambda: f.nl_bsn(), [f.nl_bsn(False), f.nl_bsn(False), "000000000"]),
    "pl-pesel": ("National ID", "pesel", "PESEL", lambda: f.pesel(), [f.pesel(False), f.pesel(False)]),
    "se-personnummer": ("National ID", "personnummer", "personnummer", lambda: f.se_pnr(), [f.se_pnr(False), f.se_pnr(False)]),
    "fi-hetu": ("National ID", "hetu", "henkilötunnus", lambda: f.fi_hetu(), [f.fi_hetu(False), f.fi_hetu(False)]),
    "be-national-number": ("National ID", "rijksregisternummer", "rijksregisternummer", lambda: f.be_nn(), [f.be_nn(False)]),
    "at-svnr": ("National ID", "svnr", "Sozialversicherungsnummer", lambda: f.at_svnr(), [f.at_svnr(False)]),
    "pt-nif": ("National ID", "nif", "NIF", lambda: f.pt_nif(), [f.pt_nif(False)]),
    "ro-cnp": ("National ID", "cnp", "CNP", lambda: f.ro_cnp(), [f.ro_cnp(False)]),
    "ie-pps": ("National ID", "pps_number", "PPS number", lambda: f.ie_pps(), [f.ie_pps(False)]),
    "ch-ahv": ("National ID", "ahv_nr", "AHV number", lambda: f.ch_ahv(), [f.ch_ahv(False)]),
    "uk-nino": ("National ID", "ni_number", "National Insurance number", f.uk_nino, ["QQ 12 34 56 C", "AB 12 34 56 E"]),
    "passport-number": ("Passport Number", "passport_number", "passport number", f.passport, ["<number>", "pending"]),
    "de-kvnr": ("Health Insurance Number", "kvnr", "Krankenversichertennummer", lambda: f.kvnr(), [f.kvnr(False), f.kvnr(False)]),
    "us-npi": ("Health Provider ID", "npi", "NPI", lambda: f.npi(), [f.npi(False), f.npi(False)]),
    "us-mbi": ("Health Insurance Number", "medicare_mbi", "Medicare MBI", f.mbi, ["1SA4-BO5-LZ73", "<mbi>"]),
    "ehic-number": ("Health Insurance Number", "ehic_card_number", "EHIC card number", f.ehic, ["80999" + "1" * 15, "pending"]),
    "us-dea-number": ("Health Provider ID", "dea_number", "DEA number", lambda: f.dea(), [f.dea(False), f.dea(False)]),
    "uk-nhs-number": ("Health Insurance Number", "nhs_number", "NHS number", lambda: f.nhs(), [f.nhs(False), f.nhs(False)]),
    "iban-lowercase": ("IBAN", "iban", "IBAN", lambda: f.iban().lower(), ["de44 5001 0517 5407 3249 32", "de00 0000 0000 0000 0000 00"]),
    "bank-account-number": ("Bank Account", "account_number", "bank account number", f.bank_account, ["n/a", "000000", "123456789"]),
    "us-ein": ("US Taxpayer ID", "ein", "EIN", f.ein, ["07-1234567", "12-3456789", "XX-XXXXXXX"]),
    "basic-auth-header": ("Basic Auth Credentials", "Authorization", "Authorization header", f.basic_auth,
                          ["Basic dXNlcjpwYXNzd29yZA==", "Basic <credentials>", "Basic realm=api"]),
    "square-access-token": ("Square Token", "SQUARE_ACCESS_TOKEN", "Square access token", f.square_access_token,
                            ["EAAA<token>", "EAAA" + "x" * 60]),
}

TEMPLATES = {
    "code": ['{code} = "{v}"', 'const {code} = "{v}";', 'client = Client({code}="{v}")'],
    "config": ["{code}: {v}", "{CODE}={v}", '{code} = "{v}"'],
    "log": ["2026-11-23T10:15:02Z INFO  worker-3 loaded {code}={v} for tenant acme",
            "[deploy] WARN using {code} {v} from environment"],
    "json": ['{{"result": {{"{code}": "{v}", "status": "ok"}}}}', '{{"content": [{{"type": "text", "text": "{human}: {v}"}}]}}'],
    "prose": ["Here is the {human} you asked for: {v} - please keep it safe.", "My {human} is {v}, I think."],
}


def render(template, code, human, value):
    """The sample text and the span of the value in it."""
    marker = "\u0000"
    text = template.format(code=code, CODE=code.upper(), human=human, v=marker)
    if "\n" in value and template.startswith("{{"):
        value_in_text = value.replace("\n", "\\n")
    else:
        value_in_text = value
    start = text.index(marker)
    return text.replace(marker, value_in_text), start, start + len(value_in_text)


def main(out):
    n = 0

    def emit(group, context, text, labels):
        nonlocal n
        n += 1
        out.write(json.dumps({"id": "s%05d" % n, "group": group, "context": context, "text": text, "labels": labels},
                             ensure_ascii=False) + "\n")

    for detector, (category, code, human, make, negatives) in SPECS.items():
        for context, templates in TEMPLATES.items():
            for template in templates:
                if "\n" in make() and context in ("log",):
                    continue
                text, start, end = render(template, code, human, make())
                emit(detector, context, text, [{"detector": detector, "category": category, "start": start, "end": end}])
        for value in negatives:
            for context in ("config", "json", "prose"):
                template = f.r.choice(TEMPLATES[context])
                text, _, _ = render(template, code, human, value)
                emit(detector, context, text, [])

    # Shared hard negatives: random-looking but harmless values, documentation stand-ins, innocent numbers.
    common = [
        "commit %s fixed the flaky test" % f.s("0123456789abcdef", 40),
        "sha256: %s" % f.s("0123456789abcdef", 64),
        "md5(%s) = %s" % ("report.pdf", f.s("0123456789abcdef", 32)),
        '{"request_id": "%s", "trace_id": "%s"}' % (f.uuid(), f.s("0123456789abcdef", 32)),
        "docker pull registry.internal/app@sha256:%s" % f.s("0123456789abcdef", 64),
        "api_key = YOUR_API_KEY", "OPENAI_API_KEY=sk-xxxx", "token: <your-token-here>", "password: ${DB_PASSWORD}",
        "Set STRIPE_SECRET_KEY=sk_live_... in your environment.", "export AWS_SECRET_ACCESS_KEY=<secret>",
        "Use the test card 4242 4242 4242 4242 with any future date in test mode.",
        "Stripe test card numbers: 4000 0566 5566 5556 (Visa debit), 5555 5555 5555 4444 (Mastercard) - sandbox only.",
        "For testing, use card 4111 1111 1111 1111.",
        "payload: %s" % "SGVsbG8sIHdvcmxkISBUaGlzIGlzIGp1c3QgYSBncmVldGluZyBtZXNzYWdlLg==",
        "avatar: data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
        "order 1700000000123 shipped on 2026-11-20, invoice 2026-000123",
        "The build took 1234567 ms across 42 workers (p99 0.87).",
        "version 2.14.3+build.20261123 released", "temperature 21.5, humidity 48, pressure 1013 hPa",
        "GET /api/v2/users/1234567/orders?page=3 200 18ms", "ISBN 978-3-16-148410-0",
        "Tracking number 1Z999AA10123456784", "coordinates 52.520008, 13.404954",
        "function hashPassword(password) { return bcrypt.hash(password, 12); }",
        "if (token == null) { throw new IllegalStateException(\"token missing\"); }",
        "password_hash = $2b$12$%s" % f.s("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 53),
        "The secret to good bread is patience.", "Please reset your password via the link we sent.",
        "Our phone lines are open 9 to 5, Monday to Friday.", "Call me at extension 42.",
        "SSN field left blank", "IBAN: to be provided", "Passport: expired in 2019",
        "uuid %s" % f.uuid(), "ETag: \"%s\"" % f.s("0123456789abcdef", 32),
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ%s deploy@ci" % f.s("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 200),
        "-----BEGIN CERTIFICATE-----\n%s\n-----END CERTIFICATE-----" % f.pem_body(6),
        "phone: +1 (555) 0100", "PIN: 1234", "id=%s" % f.digits(16),
        "color #%s, font 12px" % f.s("0123456789abcdef", 6), "EAN 4006381333931",
        "Invoice total EUR 1.234,56 due 2026-12-01", "MAC 00:1A:2B:3C:4D:5E on eth0",
        "npm install @types/node@20.11.5 lodash@4.17.21", "pip install requests==2.31.0",
        "git@github.com:acme/payments.git", "AKIA is the prefix of AWS access key ids.",
        "ghp_ tokens are GitHub personal access tokens.", "Tokens look like xoxb-<team>-<bot>-<secret>.",
        "eyJ is what base64 JSON starts with.", "IBANs look like DEkk bbbb bbbb cccc cccc cc.",
    ]
    for text in common:
        emit("common", "mixed", text, [])


if __name__ == "__main__":
    main(sys.stdout)
