"""Synthetic work plans with known targets, for benchmarks.

Each plan has a title (region and year), an opening paragraph with last year's results, a
headline paragraph of main expected targets, numbered body paragraphs with more targets,
and noise a real plan has: dates, hotlines, 十四五, quoted slogans, metro lines, thresholds
of projects (投资5亿元以上的项目), and policy prose with no numbers. A fifth of the plans are in
traditional characters, a tenth have full-width digits. The ground truth lists every target
and result that carries a metric id.

    python benchmarks/generate.py OUT_DIR N [--seed 0]
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

FIRST = "安宁平和长永兴福顺德昌新泰丰嘉华庆乐康怀明清宜武"
SECOND = "阳山川河源江林城丘陵原州溪湖台岭"
KINDS = ("县", "区", "市")
DOC_TYPES = ("政府工作报告", "工作要点", "工作计划")
PROSE = (
    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的各项方针政策，统筹发展和安全，推动经济社会高质量发展。",
    "持续优化营商环境，深化“放管服”改革，推行“一网通办”，让企业和群众办事更加便捷高效。",
    "加强生态环境保护，深入打好蓝天、碧水、净土保卫战，推进绿色低碳发展，建设美丽家园。",
    "着力保障和改善民生，办好人民满意的教育，推进健康建设，完善社会保障体系，兜牢民生底线。",
    "强化科技创新引领，推动创新链产业链深度融合，培育壮大新动能，加快构建现代化产业体系。",
    "统筹推进乡村振兴，巩固拓展脱贫攻坚成果，发展特色产业，建设宜居宜业和美乡村。",
)
NOISE = (
    "3月15日前完成全部项目的前期手续。",
    "开通12345政务服务热线，做到件件有回音。",
    "全面完成“十四五”规划中期评估。",
    "深入开展“三个年”活动，推进“六个提升”行动。",
    "加快地铁16号线建设，推进5G基站建设。",
    "引进投资5亿元以上的产业项目，强化项目支撑。",
)


def _pct(rng: random.Random, lo: float, hi: float) -> float:
    return round(rng.uniform(lo, hi) * 2) / 2  # steps of 0.5, as plans write them


def _qualified(rng: random.Random, value: float) -> tuple[str, str, float | None, float]:
    """Text after a percentage, the qualifier, value_high, and the value."""
    choice = rng.random()
    if choice < 0.35:
        return "%左右", "approx", None, value
    if choice < 0.7:
        return "%以上", "at_least", None, value
    if choice < 0.85:
        return f"%-{value + 2:g}%", "range", value + 2, value
    return "%", "exact", None, value


GROWTH = (  # metric id, how plans write it
    ("gdp_growth", "地区生产总值增长"),
    ("industrial_value_added_growth", "规上工业增加值增长"),
    ("fixed_asset_investment_growth", "固定资产投资增长"),
    ("retail_sales_growth", "社会消费品零售总额增长"),
    ("fiscal_revenue_growth", "一般公共预算收入增长"),
    ("urban_income_growth", "城镇居民人均可支配收入增长"),
    ("rural_income_growth", "农村居民人均可支配收入增长"),
)


def _headline(rng: random.Random) -> tuple[list[str], list[dict]]:
    parts, truth = [], []
    for metric, phrase in rng.sample(GROWTH, rng.randint(4, len(GROWTH))):
        value = _pct(rng, 3, 12)
        tail, qualifier, high, value = _qualified(rng, value)
        parts.append(f"{phrase}{value:g}{tail}")
        truth.append(
            dict(
                section="headline",
                metric=metric,
                kind="growth",
                value=value,
                value_high=high,
                unit="%",
                qualifier=qualifier,
            )
        )
    rate = _pct(rng, 3, 5)
    parts.append(f"城镇登记失业率控制在{rate:g}%以内")
    truth.append(
        dict(
            section="headline",
            metric="urban_unemployment_rate",
            kind="share",
            value=rate,
            value_high=None,
            unit="%",
            qualifier="at_most",
        )
    )
    jobs = round(rng.uniform(0.3, 3.0), 1)
    parts.append(f"城镇新增就业{jobs:g}万人")
    truth.append(
        dict(
            section="headline",
            metric="new_urban_jobs",
            kind="level",
            value=jobs,
            value_high=None,
            unit="万人",
            qualifier="exact",
        )
    )
    return parts, truth


BODY = (  # metric id, template, unit, qualifier, low, high
    ("new_high_tech_enterprises", "全年新增国家高新技术企业{n}家以上", "家", "at_least", 10, 400),
    ("technology_contract_value", "技术合同交易额突破{n}亿元", "亿元", "at_least", 5, 300),
    ("key_projects_count", "全年实施重点项目{n}个", "个", "exact", 20, 300),
    ("air_quality_good_days", "空气质量优良天数达到{n}天以上", "天", "at_least", 200, 330),
    ("tech_smes", "科技型中小企业达到{n}家", "家", "exact", 50, 2000),
)


def plan(rng: random.Random, region: str, year: int) -> tuple[str, list[dict]]:
    """One plan's text and its ground truth."""
    truth: list[dict] = []
    lines = [f"{region}{year}年{rng.choice(DOC_TYPES)}", ""]
    result = _pct(rng, 4, 10)
    revenue = _pct(rng, 2, 12)
    lines.append(
        f"{year - 1}年，全{region[-1]}地区生产总值增长{result:g}%，"
        f"一般公共预算收入增长{revenue:g}%。{rng.choice(PROSE)}"
    )
    truth += [
        dict(
            record="result",
            year=year - 1,
            section="body",
            metric="gdp_growth",
            kind="growth",
            value=result,
            value_high=None,
            unit="%",
            qualifier="exact",
        ),
        dict(
            record="result",
            year=year - 1,
            section="body",
            metric="fiscal_revenue_growth",
            kind="growth",
            value=revenue,
            value_high=None,
            unit="%",
            qualifier="exact",
        ),
    ]
    lines += ["", rng.choice(PROSE) + rng.choice(PROSE), ""]
    parts, headline = _headline(rng)
    lines += ["主要预期目标是：" + "，".join(parts) + "。", ""]
    truth += [dict(record="target", year=year, **t) for t in headline]
    for i, (metric, template, unit, qualifier, lo, hi) in enumerate(
        rng.sample(BODY, rng.randint(2, len(BODY))), start=1
    ):
        n = rng.randint(lo, hi)
        lines.append(f"{i}.{rng.choice(PROSE)}{rng.choice(NOISE)}{template.format(n=n)}。{rng.choice(PROSE)}")
        lines.append("")
        truth.append(
            dict(
                record="target",
                year=year,
                section="body",
                metric=metric,
                kind="level",
                value=float(n),
                value_high=None,
                unit=unit,
                qualifier=qualifier,
            )
        )
    lines += [rng.choice(PROSE) * 2, ""]
    return "\n".join(lines), truth


_FULL_WIDTH = str.maketrans({**{c: chr(ord(c) + 0xFEE0) for c in "0123456789"}, "%": "％"})


def generate(out: str | Path, n: int, *, seed: int = 0) -> Path:
    """Write ``n`` plans under ``out`` (folders by region) and ``out/truth.csv``; return ``out``."""
    import opencc

    to_traditional = opencc.OpenCC("s2t")
    rng = random.Random(seed)
    out = Path(out)
    (out / "plans").mkdir(parents=True, exist_ok=True)
    regions = [a + b + k for a in FIRST for b in SECOND for k in KINDS]
    rng.shuffle(regions)
    fields = ["doc", "record", "year", "section", "metric", "kind", "value", "value_high", "unit", "qualifier"]
    with open(out / "truth.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        for i in range(n):
            region, year = regions[i % len(regions)], 2005 + (i // len(regions)) % 20
            text, truth = plan(rng, region, year)
            if rng.random() < 0.2:
                text = to_traditional.convert(text)
            elif rng.random() < 0.125:
                text = text.translate(_FULL_WIDTH)
            doc = f"{region}/{year}.txt"
            (out / "plans" / region).mkdir(exist_ok=True)
            (out / "plans" / doc).write_text(text, encoding="utf-8")
            for t in truth:
                writer.writerow({"doc": doc, **t})
    return out


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out")
    p.add_argument("n", type=int)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()
    print(generate(args.out, args.n, seed=args.seed))
