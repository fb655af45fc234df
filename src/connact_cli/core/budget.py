"""The indicative budget: the given total split by category and by work package, with the rule used.

connact's guidance for the organisation to adjust, never a funder's rule. A category appears only
where the plan needs it (its trigger in data/planning.yaml holds); without a budget the categories
are listed with no figures. Pure.
"""

from __future__ import annotations

from connact_cli.core.plan import Budget, BudgetLine, PackageBudget, WorkPackageRow
from connact_cli.core.rules import BudgetCategory, PlanningRules
from connact_cli.core.triggers import Facts
from connact_cli.core.values import DEFAULT_LANGUAGE, short_number
from connact_cli.i18n import gettext as _
from connact_cli.i18n import gettext_noop as N_

# How the budget rule names the work packages a category is shared by ("management 1, each activity strand 3").
KIND_WORDS = {
    "management": N_("management"),
    "strands": N_("each activity strand"),
    "monitoring": N_("monitoring"),
    "communication": N_("communication"),
}
ROUND_TO = 10  # euros: figures are estimates; finer precision would pretend otherwise


def _split(total: int, weights: list[int]) -> list[int]:
    """`total` in parts proportional to `weights`, rounded to ROUND_TO, summing exactly to `total`."""
    if not weights:
        return []
    parts = [round(total * w / sum(weights) / ROUND_TO) * ROUND_TO for w in weights]
    largest = max(range(len(parts)), key=lambda i: (weights[i], -i))
    parts[largest] += total - sum(parts)
    return parts


def _shares(category: BudgetCategory, packages: list[WorkPackageRow]) -> list[tuple[int, int]]:
    """(work package, weight) for a category: "strands" gives its weight to each activity strand."""
    weights: dict[str, int] = {str(kind): weight for kind, weight in category.work_packages.items()}
    found = [(wp.number, weights.get("strands" if wp.kind == "strand" else wp.kind, 0)) for wp in packages]
    return [(number, weight) for number, weight in found if weight] or [(packages[0].number, 1)]


def _rule(applying: list[tuple[BudgetCategory, list[str]]], rules: PlanningRules, language: str) -> str:
    """How the split is made, in words, with the weights that apply."""
    weights = ", ".join(f"{c.label.get(language).lower()} {c.weight}" for c, _why in applying)
    shares = "; ".join(
        f"{c.label.get(language).lower()}: " + ", ".join(f"{_(KIND_WORDS[k])} {w}" for k, w in c.work_packages.items())
        for c, _why in applying
        if len(c.work_packages) > 1
    )
    indirect = rules.indirect_costs
    if indirect:
        # Translators: the budget rule in a plan; {weights} lists "category weight" pairs, {shares} how each
        # category is shared by the work packages, {percent} the indirect-cost rate with its sign (7%).
        split = _(
            "Each cost category the plan needs gets a share of the direct costs in proportion to its weight "
            "({weights}); a category shared by several work packages is split between them by weight ({shares}); "
            "indirect costs are {percent} of the direct costs."
        ).format(weights=weights, shares=shares, percent=f"{short_number(indirect.percent)}%")
    else:
        split = _(
            "Each cost category the plan needs gets a share of the direct costs in proportion to its weight "
            "({weights}); a category shared by several work packages is split between them by weight ({shares})."
        ).format(weights=weights, shares=shares)
    advice = _(
        "Strands get equal shares whatever they are: adjust each to its real costs. connact's guidance, for you to "
        "adjust to your costs and your funder's rules."
    )
    return f"{split} {advice}"


def budget(
    total: int | None,
    rules: PlanningRules,
    facts: Facts,
    packages: list[WorkPackageRow],
    language: str = DEFAULT_LANGUAGE,
) -> Budget:
    """The budget lines the plan needs, split by weight; labels and notes in `language`."""
    categories = [(c, facts.reasons(c.when)) for c in rules.budget_categories]
    applying = [(c, why) for c, why in categories if why]
    indirect = rules.indirect_costs
    weights = [c.weight for c, _why in applying]
    rule = _rule(applying, rules, language)
    if total is None:
        lines = [
            BudgetLine(
                id=c.id,
                label=c.label.get(language),
                amount=None,
                percent=None,
                triggered_by=why,
                work_packages=[number for number, _weight in _shares(c, packages)],
            )
            for c, why in applying
        ]
        return Budget(total=None, direct=None, lines=lines, by_package=[], rule=rule)
    direct = round(total / (1 + indirect.percent / 100)) if indirect else total
    amounts = _split(direct, weights)
    lines = []
    per_package = {wp.number: 0 for wp in packages}
    for (category, why), amount in zip(applying, amounts, strict=True):
        shares = _shares(category, packages)
        targets = [number for number, _weight in shares]
        for number, part in zip(targets, _split(amount, [w for _number, w in shares]), strict=True):
            per_package[number] += part
        lines.append(
            BudgetLine(
                id=category.id,
                label=category.label.get(language),
                amount=amount,
                percent=round(100 * amount / total, 1) if total else 0.0,
                triggered_by=why,
                work_packages=targets,
            )
        )
    if indirect:
        rate = f"{short_number(indirect.percent)}%"
        # Translators: why a budget line is needed; {percent} is the rate with its sign (7%). The line's share
        # of the total is lower than the rate, which applies to the direct costs only.
        flat_rate = _("a flat rate of {percent} of the direct costs").format(percent=rate)
        lines.append(
            BudgetLine(
                id="indirect",
                label=indirect.label.get(language),
                amount=total - direct,
                percent=round(100 * (total - direct) / total, 1) if total else 0.0,
                triggered_by=[flat_rate],
                work_packages=[],
            )
        )
    return Budget(
        total=total,
        direct=direct,
        lines=lines,
        by_package=[PackageBudget(number=wp.number, title=wp.title, amount=per_package[wp.number]) for wp in packages],
        rule=rule,
        indirect_note=indirect.note.get(language) if indirect else None,
        indirect_source=indirect.source.cite() if indirect else None,
    )
