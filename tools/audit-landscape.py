#!/usr/bin/env python3
"""Notice the world moving: compare content/models/*.md with the genai-prices database.

Three lists, each a question for a person to answer (docs/audit-landscape.md):

1. prices: every figure where a page and genai-prices disagree (and price changes genai-prices dates in the future);
2. new models: models genai-prices knows, from the providers our pages cover, that no page describes and that
   tools/landscape-known.yaml does not explain;
3. lifecycle: deprecations or shutdown dates genai-prices knows that a page lacks.

A report, not a test: it exits 0 whatever it finds, and non-zero only when it cannot run (genai-prices or PyYAML
missing, no content/models folder). Run it through `make audit-landscape` (alias `make audit-prices`), which installs
both into tools/.venv.

Usage: tools/audit-landscape.py [CONTENT_MODELS_DIR] [--all]   (--all also prints the explained new-model lines)
"""

from __future__ import annotations

import fnmatch
import re
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

try:
    import yaml
    import genai_prices
    import genai_prices.data
    from genai_prices import Usage, calc_price
    from genai_prices.types import ModelInfo, ModelPrice, TieredPrices, TimeOfDateConstraint
except ImportError as e:  # cannot run: say why and fail
    sys.exit(f'audit-landscape: {e}; run it with `make audit-landscape`, which installs genai-prices and PyYAML')

# Our `model.provider` -> genai-prices provider id. Anything not listed is lower-cased and tried as is.
PROVIDERS = {
    'Anthropic': 'anthropic',
    'OpenAI': 'openai',
    'Google': 'google',  # the Gemini Developer API (ai.google.dev) prices, which our pages cite
    'Mistral AI': 'mistral',
    'Mistral': 'mistral',
    'Cohere': 'cohere',
    'DeepSeek': 'deepseek',
    'Meta': 'meta',
    'xAI': 'x-ai',
    'Groq': 'groq',
}

# Pages that price a model on a host other than its maker: slug -> (genai-prices provider, model ref).
# The page's `provider` is the host, whose API it prices (its outages and limits are the ones that matter); the host
# is not a maker, so it does not add the host's whole catalogue to the new-model list.
HOSTED = {
    'gpt-oss-120b': ('groq', 'openai/gpt-oss-120b'),  # OpenAI's open weights, priced as sold by Groq
    'gpt-oss-20b': ('groq', 'openai/gpt-oss-20b'),
    # V4 Flash is priced on Novita, which genai-prices does not cover; Fireworks sells the same weights at the same
    # list price ($0.14 / $0.28). genai-prices' deepseek/deepseek-v4-flash is DeepSeek's alias, now billed as V4.1 Flash.
    'deepseek-v4-flash': ('fireworks', 'accounts/fireworks/models/deepseek-v4-flash'),
}

# (genai-prices provider, our id) -> the model ref genai-prices knows, only where the two differ.
# "Our id" is `model.api_id`, or the page's slug while a page has no api_id yet.
MODELS = {
    ('google', 'gemini-flash'): 'gemini-2.0-flash',  # slug of the Gemini 2.0 Flash page (no api_id on it)
    ('google', 'gemini-3-1-flash-lite'): 'gemini-3.1-flash-lite',  # slug: hyphen where Google's id has a dot
    ('google', 'gemini-3-5-flash'): 'gemini-3.5-flash',  # slug: hyphen where Google's id has a dot
    ('cohere', 'cohere-command-r'): 'command-r-08-2024',  # slug has a vendor prefix; the 08-2024 version is priced
    ('cohere', 'cohere-command-r7b'): 'command-r7b-12-2024',  # slug has a vendor prefix; Cohere's dated id
    ('deepseek', 'deepseek-flash'): 'deepseek-flash',  # V4.1 Flash, sold under DeepSeek's moving name
    # Deliberately absent: Mistral Small 3.1 (mistral-small-2503). genai-prices has no Mistral-published price for
    # it, only `mistral-small-3.1-24b-instruct` imported from OpenRouter; mapping to it would compare with a
    # reseller's price. `mistral-small-latest` there is Mistral Small 4 since 2026-03-16.
}

TOLERANCE = 0.005  # equal within 0.5 %
CLASSES = ('input', 'output', 'cache_read', 'cache_write', 'cache_write_1h')
BATCH_CLASSES = ('input', 'output', 'cache_read', 'cache_write')
BATCH = {'processing': 'batch'}
# genai-prices price keys that list a class separately (absent: billed at the input rate, or the 5-minute write rate)
LISTED_KEYS = {
    'input': ('input_mtok', 'input_text_mtok'),
    'output': ('output_mtok', 'output_text_mtok'),
    'cache_read': ('cache_read_mtok', 'cache_text_read_mtok'),
    'cache_write': ('cache_write_mtok', 'cache_write_5m_mtok', 'cache_text_write_mtok', 'cache_text_write_5m_mtok'),
    'cache_write_1h': ('cache_write_1h_mtok', 'cache_text_write_1h_mtok'),
}
SAMPLE = 1000  # tokens per sample request below any tier threshold


def fmt(x) -> str:
    """A number as plain text: 0.075, 200000, 0.5."""
    if x is None:
        return 'none'
    if isinstance(x, bool):
        return str(x).lower()
    d = x if isinstance(x, Decimal) else Decimal(repr(x))
    d = d.quantize(Decimal('0.000001')) if d != d.to_integral_value() else d.to_integral_value()
    s = format(d.normalize(), 'f')
    return s


def same(a, b) -> bool:
    a, b = float(a), float(b)
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b)) or abs(a - b) < 1e-9


# --- our pages -----------------------------------------------------------------------------------------------


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding='utf-8')
    lines = text.split('\n')
    if not lines or lines[0].strip() != '---':
        raise ValueError('no front matter')
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == '---':
            data = yaml.safe_load('\n'.join(lines[1:i])) or {}
            if not isinstance(data, dict):
                raise ValueError('front matter is not a mapping')
            return data
    raise ValueError('front matter is not closed')


@dataclass
class Figure:
    value: float | None
    url: str


class Page:
    def __init__(self, slug: str, data: dict):
        self.slug = slug
        self.model = data.get('model') or {}
        # The set in force today: a page may announce new prices (a `since` ahead) and keep older ones in `previous`.
        prices = self.model.get('prices') or {}
        self.sets = [prices] + [p for p in prices.get('previous') or [] if isinstance(p, dict)]
        today = datetime.now(UTC).date().isoformat()
        self.prices = next((p for p in self.sets if str(p.get('since') or '') <= today), self.sets[-1])
        self.urls = {s.get('id'): s.get('url') for s in data.get('sources') or [] if isinstance(s, dict)}

    def announced(self, since: str) -> dict | None:
        """The page's own price set beginning on `since`, if it announces one."""
        return next((p for p in self.sets if str(p.get('since') or '') == since), None)

    def url(self, source) -> str:
        if source is None:
            return '-'
        return self.urls.get(source) or f'?{source}'

    def figure(self, *path) -> Figure | None:
        node = self.prices
        for key in path:
            if not isinstance(node, dict) or key not in node:
                return None
            node = node[key]
        if isinstance(node, dict):
            value, source = node.get('value'), node.get('source')
        else:  # a bare number where a figure belongs: still compare it
            value, source = node, None
        try:
            value = float(value) if not isinstance(value, bool) else value
        except (TypeError, ValueError):
            value = None
        return Figure(value, self.url(source))


# --- genai-prices ---------------------------------------------------------------------------------------------


class Theirs:
    """Effective rates (USD per million tokens) of one genai-prices model, found through calc_price."""

    def __init__(self, provider_id: str, ref: str, today: date):
        self.provider_id, self.ref = provider_id, ref
        probe = calc_price(Usage(input_tokens=0), ref, provider_id=provider_id)  # LookupError when unknown
        self.model: ModelInfo = probe.model
        self.provider = probe.provider
        self.windows = self._time_windows()
        self.when = self._base_time(today)
        self.standard: ModelPrice = self._calc(Usage(input_tokens=0)).model_price
        self.has_batch = self._has_batch()
        self.batch: ModelPrice | None = self._calc(Usage(input_tokens=0), BATCH).model_price if self.has_batch else None

    def _time_windows(self) -> list[TimeOfDateConstraint]:
        prices = self.model.prices
        if isinstance(prices, ModelPrice):
            return []
        return [p.constraint for p in prices if isinstance(p.constraint, TimeOfDateConstraint)]

    def _base_time(self, today: date) -> datetime:
        """Today, at an hour outside any time-of-day price window (DeepSeek's peak hours, for instance)."""
        for hour in [12, *range(24)]:
            t = datetime.combine(today, time(hour, 30), tzinfo=UTC)
            if not any(w.active(t) for w in self.windows):
                return t
        return datetime.combine(today, time(12, 30), tzinfo=UTC)

    def _has_batch(self) -> bool:
        for variant in self.model.price_variants or ():
            if variant.when == BATCH and (variant.constraint is None or variant.constraint.active(self.when)):
                return True
        return False

    def _calc(self, usage: Usage, context: dict | None = None, when: datetime | None = None):
        return calc_price(
            usage,
            self.ref,
            provider_id=self.provider_id,
            genai_request_timestamp=when or self.when,
            price_context=context,
        )

    def listed(self, cls: str, prices: ModelPrice | None = None) -> bool:
        prices = prices or self.standard
        return any(getattr(prices, key, None) is not None for key in LISTED_KEYS[cls])

    def rate(self, cls: str, prompt: int = 0, context: dict | None = None, when: datetime | None = None) -> Decimal:
        """What one million tokens of `cls` cost in a request whose prompt has `prompt` tokens (0: a short one)."""
        n = max(prompt, SAMPLE)
        if cls == 'output':
            calc = self._calc(Usage(input_tokens=prompt, output_tokens=SAMPLE), context, when)
            return calc.output_price * 1_000_000 / SAMPLE
        usage = {
            'input': dict(input_tokens=n),
            'cache_read': dict(input_tokens=n, cache_read_tokens=n),
            'cache_write': dict(input_tokens=n, cache_write_tokens=n, cache_write_5m_tokens=n),
            'cache_write_1h': dict(input_tokens=n, cache_write_tokens=n, cache_write_1h_tokens=n),
        }[cls]
        calc = self._calc(Usage(**usage), context, when)
        return calc.input_price * 1_000_000 / n

    def window_rates(self, cls: str) -> list[tuple[str, Decimal]]:
        """The rate inside each time-of-day window, labelled with the window."""
        out = []
        for w in self.windows:
            t = datetime.combine(self.when.date(), w.start_time, tzinfo=w.start_time.tzinfo or UTC)
            t = t.replace(tzinfo=UTC) if t.tzinfo is None else t
            out.append((f'{w.start_time:%H:%M}-{w.end_time:%H:%M} UTC', self.rate(cls, when=t + timedelta(minutes=1))))
        return out

    def tiers(self) -> list[int]:
        """Prompt-size thresholds of the tiered prices, lowest first (empty: flat prices)."""
        starts = set()
        for keys in LISTED_KEYS.values():
            for key in keys:
                value = getattr(self.standard, key, None)
                if isinstance(value, TieredPrices):
                    starts.update(t.start for t in value.tiers)
        return sorted(starts)

    def tiered(self, cls: str) -> bool:
        return any(isinstance(getattr(self.standard, key, None), TieredPrices) for key in LISTED_KEYS[cls])


# --- the comparison -------------------------------------------------------------------------------------------

Row = tuple[str, str, str, str, str]  # model, field, ours, theirs, our-source-url


def audit(page: Page, theirs: Theirs) -> list[Row]:
    rows: list[Row] = []
    slug = page.slug

    def add(field, ours, their, url):
        rows.append((slug, field, ours, their, url))

    # Base rates. Our omitted cache_read / cache_write mean "billed at the input rate" (README, Prices); so does
    # a price genai-prices does not list. An omitted cache_write_1h means "no 1-hour cache".
    ours_in = page.figure('input')
    input_url = ours_in.url if ours_in else '-'
    our_input = ours_in.value if ours_in else None
    for cls in CLASSES:
        mine = page.figure(cls)
        mine_listed = mine is not None and mine.value is not None
        their_listed = theirs.listed(cls)
        if not mine_listed and not their_listed:
            continue
        if cls in ('input', 'output') and not mine_listed:
            add(cls, 'none', fmt(theirs.rate(cls)), input_url)
            continue
        if mine_listed:
            our_value, our_text, url = mine.value, fmt(mine.value), mine.url
        elif cls == 'cache_write_1h':
            our_value, our_text, url = None, 'none', input_url
        else:
            our_value = our_input
            our_text, url = f'none (={fmt(our_input)})', input_url
        their_value = theirs.rate(cls)
        their_text = fmt(their_value) if their_listed else f'none (={fmt(their_value)})'
        alternatives = theirs.window_rates(cls) if theirs.windows else []
        if alternatives:
            their_text += ' (' + ', '.join(f'{fmt(v)} at {label}' for label, v in alternatives) + ')'
        if our_value is not None and (
            same(our_value, their_value) or any(same(our_value, v) for _, v in alternatives)
        ):
            continue
        add(cls, our_text, their_text, url)

    rows += audit_long_context(page, theirs, input_url)
    rows += audit_batch(page, theirs)
    return rows


def audit_long_context(page: Page, theirs: Theirs, input_url: str) -> list[Row]:
    rows: list[Row] = []
    starts = theirs.tiers()
    ours = page.prices.get('long_context')
    threshold = page.figure('long_context', 'threshold')

    def add(field, mine, their, url):
        rows.append((page.slug, f'long_context.{field}', mine, their, url))

    if not starts:
        if isinstance(ours, dict):
            add('threshold', fmt(threshold.value) if threshold else 'none', 'none (flat prices)',
                threshold.url if threshold else input_url)
        return rows

    start = starts[0]
    if len(starts) > 1:
        add('tiers', '1' if isinstance(ours, dict) else '0', f'{len(starts)} ({", ".join(map(str, starts))})', input_url)
    prompt = start + 1
    if not isinstance(ours, dict):
        add('threshold', 'none', fmt(start), input_url)
        for cls in CLASSES:
            if cls in ('input', 'output') or theirs.tiered(cls):
                add(cls, 'none', fmt(theirs.rate(cls, prompt)), input_url)
        return rows

    if threshold is None or threshold.value is None or not same(threshold.value, start):
        add('threshold', fmt(threshold.value) if threshold else 'none', fmt(start),
            threshold.url if threshold else input_url)
    for cls in CLASSES:
        mine = page.figure('long_context', cls)
        if mine is None or mine.value is None:
            if cls in ('input', 'output') or theirs.tiered(cls):
                add(cls, 'none', fmt(theirs.rate(cls, prompt)), threshold.url if threshold else input_url)
            continue
        their_value = theirs.rate(cls, prompt)
        if not same(mine.value, their_value):
            add(cls, fmt(mine.value), fmt(their_value), mine.url)
    # genai-prices bills every token of the request at the tier rate once the whole prompt (uncached input,
    # cache reads and cache writes together) passes the threshold.
    if ours.get('whole_request') is False:
        add('whole_request', 'false', 'true', threshold.url if threshold else input_url)
    counts = ours.get('counts')
    if isinstance(counts, list) and set(counts) != {'input', 'cache_read', 'cache_write'}:
        add('counts', '[' + ', '.join(map(str, counts)) + ']', '[input, cache_read, cache_write]',
            threshold.url if threshold else input_url)
    return rows


def audit_batch(page: Page, theirs: Theirs) -> list[Row]:
    """Compare the batch discount, class by class, with the share genai-prices' batch variant takes off."""
    if not theirs.has_batch:
        return []
    mine = page.figure('batch_discount')
    applies = page.prices.get('batch_applies_to') or list(BATCH_CLASSES)
    url = mine.url if mine else (page.figure('input').url if page.figure('input') else '-')
    pairs = []
    for cls in BATCH_CLASSES:
        if cls in ('cache_read', 'cache_write'):
            ours_listed = page.figure(cls) is not None
            if not (ours_listed and theirs.listed(cls)):
                continue  # both bill it at the input rate, or a base-rate line already says they differ
        standard = theirs.rate(cls)
        batch = theirs.rate(cls, context=BATCH)
        their_share = Decimal(0) if standard == 0 else 1 - batch / standard
        if mine is None or mine.value is None:
            our_share, our_text = 0.0, 'none'
        else:
            our_share = float(mine.value) if cls in applies else 0.0
            our_text = fmt(our_share) if cls in applies else '0 (not in batch_applies_to)'
        if not same(our_share, their_share):
            pairs.append((cls, our_text, fmt(their_share)))
    if not pairs:
        return []
    if len({(o, t) for _, o, t in pairs}) == 1 and len(pairs) > 1:
        _, o, t = pairs[0]
        return [(page.slug, 'batch_discount', o, t, url)]
    return [(page.slug, f'batch_discount ({cls})', o, t, url) for cls, o, t in pairs]


# --- the landscape: new models and lifecycle ---------------------------------------------------------------------

# Model ids that are not text-generation models a workload would run on (embeddings, speech, images, moderation, ...).
NOT_CHAT = re.compile(
    r'(embed|tts|whisper|transcri|audio|realtime|image|imagen|veo|nano-banana|moderation|search|ocr|live|robotics|'
    r'voxtral|rerank|guard|safeguard|computer-use|deep-research|^ft:|\.ft-|babbage|davinci|curie|^ada$|codex|cyber|'
    r'rosalind|omni|vision|-tts)', re.I)
DATE = re.compile(r'(20\d\d-\d\d-\d\d)')
# a date said to be a retirement, shutdown or deprecation day: "retires on 2026-10-30", "shut down 2026-06-01"
RETIRES_ON = re.compile(r'(?:retir\w*|shut ?down|sunset|deprecated)\s+(?:on\s+|from\s+)?(20\d\d-\d\d-\d\d)', re.I)


def norm(model_id: str) -> str:
    """An id compared across sources: lower case, no host prefix, dots as hyphens (gemini-3.1-flash-lite)."""
    s = model_id.lower().strip()
    s = s.split('/')[-1]
    return s.replace('.', '-').replace('_', '-')


def known_file(root: Path) -> list[tuple[str, str]]:
    """tools/landscape-known.yaml: `provider/model-glob: why no page` (fnmatch patterns, first match wins)."""
    path = root / 'tools' / 'landscape-known.yaml'
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding='utf-8')) or {}
    return [(str(k), str(v)) for k, v in data.items()]


def new_models(makers: set[str], covered: set[str], root: Path) -> tuple[list, list[str], list[str]]:
    known = known_file(root)
    unexplained: list[str] = []
    explained: list[str] = []
    for provider in genai_prices.data.providers:
        if provider.id not in makers:
            continue
        for model in provider.models:
            if model.deprecated or NOT_CHAT.search(model.id):
                continue
            if norm(model.id) in covered or (model.name and norm(model.name) in covered):
                continue
            key = f'{provider.id}/{model.id}'
            why = next((reason for pattern, reason in known if fnmatch.fnmatch(key, pattern)), None)
            label = f'{key}' + (f' ({model.name})' if model.name and model.name != model.id else '')
            if why is None:
                unexplained.append(f'new: {label}')
            else:
                explained.append(f'known: {label}: {why}')
    return known, unexplained, explained


def page_dates(page: Page) -> dict[str, str]:
    life = page.model.get('lifecycle') or {}
    out = {}
    for key in ('legacy', 'deprecated', 'retires'):
        value = life.get(key)
        if isinstance(value, dict):
            value = value.get('value')
        if value:
            out[key] = str(value)
    return out


def lifecycle_gaps(page: Page, theirs: 'Theirs') -> list[str]:
    """genai-prices' deprecated flag and any retirement date in its price comments, against the page's lifecycle."""
    ours = page_dates(page)
    lines = []
    comment = theirs.model.price_comments or ''
    said = RETIRES_ON.findall(comment)
    ref = f'{theirs.provider.id}/{theirs.model.id}'
    if theirs.model.deprecated and not ({'deprecated', 'retires'} & ours.keys()):
        lines.append(f'{page.slug}: genai-prices marks {ref} deprecated; the page has no deprecated or retires date'
                     + (f' (its comment: "{comment[:120]}")' if comment else ''))
    for d in said:
        if d not in ours.values():
            lines.append(f'{page.slug}: genai-prices comment on {ref} dates {d} ("{comment[:120]}"); '
                         f'the page\'s lifecycle dates: {", ".join(f"{k} {v}" for k, v in ours.items()) or "none"}')
    return lines


def upcoming_prices(page: Page, theirs: 'Theirs', today: date) -> list[str]:
    """Price sets genai-prices starts after today: a scheduled change the page should mention."""
    prices = theirs.model.prices
    if isinstance(prices, ModelPrice):
        return []
    out = []
    for p in prices:
        c = getattr(p, 'constraint', None)
        start = getattr(c, 'start_date', None)
        if start is not None and start > today:
            inp = getattr(p.prices, 'input_mtok', None)
            outp = getattr(p.prices, 'output_mtok', None)
            line = f'{page.slug}: {theirs.provider.id}/{theirs.model.id} from {start}: input {fmt(inp)}, output {fmt(outp)} '
            ours = page.announced(start.isoformat())
            value = lambda key: (ours.get(key) or {}).get('value') if isinstance(ours.get(key), dict) else ours.get(key)
            if ours and value('input') is not None and float(value('input')) == float(inp or -1) \
                    and float(value('output')) == float(outp or -1):
                line += '(the page announces the same set from that day)'
            else:
                line += f'(ours today: input {fmt(page.figure("input").value if page.figure("input") else None)}; the page announces no such set)'
            out.append(line)
    return out


# --- main -----------------------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    folder = Path(argv[1]) if len(argv) > 1 else root / 'content' / 'models'
    paths = sorted(p for p in folder.glob('*.md') if not p.name.startswith('_'))
    if not paths:
        print(f'audit-landscape: no model pages in {folder}', file=sys.stderr)
        return 2
    today = datetime.now(UTC).date()

    rows: list[Row] = []
    future: list[str] = []
    life: list[str] = []
    makers: set[str] = set()
    covered: set[str] = set()
    show_all = '--all' in argv
    argv = [a for a in argv if a != '--all']
    missing: list[str] = []
    notes: list[str] = []
    matched: list[str] = []
    for path in paths:
        slug = path.stem
        try:
            data = front_matter(path)
        except (OSError, ValueError, yaml.YAMLError) as e:
            notes.append(f'unreadable: {path.name}: {str(e).splitlines()[0]}')
            continue
        page = Page(slug, data)
        for key in ('api_id',):
            if page.model.get(key):
                covered.add(norm(str(page.model[key])))
        covered.add(norm(slug))
        if page.model.get('hosting') != 'api':
            continue
        if not page.prices:
            notes.append(f'no prices: {slug} (hosting: api without a prices block)')
            continue
        provider = str(page.model.get('provider') or '')
        provider_id = PROVIDERS.get(provider, provider.lower())
        if slug not in HOSTED:
            makers.add(provider_id)
        api_id = page.model.get('api_id')
        our_id = str(api_id) if api_id else slug
        ref = MODELS.get((provider_id, our_id), our_id)
        covered.update({norm(our_id), norm(slug), norm(ref)})
        if slug in HOSTED:
            provider_id, ref = HOSTED[slug]
        shown = api_id if api_id else 'no api_id; tried the slug'
        try:
            theirs = Theirs(provider_id, ref, today)
        except LookupError as e:
            why = f": no provider {provider_id!r} (add it to PROVIDERS)" if 'find provider' in str(e) else ''
            missing.append(f'not in genai-prices: {slug} ({shown}){why}')
            continue
        covered.add(norm(theirs.model.id))
        matched.append(
            f'  {slug} -> {theirs.provider.id}/{theirs.model.id}'
            + (f' ({theirs.model.name})' if theirs.model.name else '')
            + ('' if api_id else ' [no api_id: matched by slug]')
        )
        try:
            rows += audit(page, theirs)
        except (ValueError, ArithmeticError, TypeError) as e:
            notes.append(f'could not compare: {slug}: {e}')
        future += upcoming_prices(page, theirs, today)
        life += lifecycle_gaps(page, theirs)

    print(f'# audit-landscape: content/models against genai-prices {genai_prices.__version__} (bundled data), {today}')
    print()
    print('## 1. prices: where a page and genai-prices disagree')
    print('# USD per million tokens; shares for batch_discount; equal within 0.5 %. none (=x): not listed, billed at x.')
    print()
    if rows:
        header: Row = ('model', 'field', 'ours', 'theirs', 'our-source-url')
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
        for r in [header, *rows]:
            print('  '.join(r[i].ljust(widths[i]) for i in range(4)) + '  ' + r[4])
    else:
        print('no disagreements')
    if missing or notes:
        print()
        for line in missing + notes:
            print(line)
    if matched:
        print()
        print('compared:')
        for line in matched:
            print(line)
    if future:
        print()
        print('price changes genai-prices dates after today (check the page says so):')
        for line in future:
            print('  ' + line)

    known, unexplained, explained = new_models(makers, covered, root)
    print()
    print('## 2. new models: genai-prices knows them, from providers we cover, and no page describes them')
    print(f'# providers: {", ".join(sorted(makers))}. Explained lines live in tools/landscape-known.yaml '
          f'({len(explained)} explained{"" if show_all else ", shown with --all"}).')
    print()
    for line in unexplained:
        print(line)
    if not unexplained:
        print('none unexplained')
    if show_all:
        for line in explained:
            print(line)

    print()
    print('## 3. lifecycle: deprecations or shutdown dates genai-prices knows that a page lacks')
    print()
    for line in life:
        print(line)
    if not life:
        print('none')

    print()
    models = len({r[0] for r in rows})
    print(f'{len(rows)} price disagreement(s) on {models} model(s), {len(matched)} model(s) compared, '
          f'{len(missing)} not in genai-prices; {len(unexplained)} new model(s) to look at; '
          f'{len(life)} lifecycle line(s)')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
