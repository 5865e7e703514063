"""A flow's state graph, drawn by `transitions` itself.

The graph machine is built from the same transition table as the machine that
moves every session (`statemachine.transition_table`), with a label on each
state (the question's short title) and on each transition (the answer).
Mermaid needs nothing installed; DOT and SVG need Graphviz, and because
`transitions` quietly falls back to Mermaid without it, that is detected here
and refused with a way to get it.
"""

from __future__ import annotations

from typing import Any

from transitions import State
from transitions.extensions import GraphMachine

from pathfinder.machine.flow import DONE, Flow
from pathfinder.machine.statemachine import transition_table

MERMAID = "mermaid"
GRAPHVIZ = "graphviz"
DONE_LABEL = "Advice"
SKIP_LABEL = "Skip"

GET_GRAPHVIZ = (
    "DOT and SVG need Graphviz: install the graphviz Python package "
    "('pip install graphviz' in Pathfinder's environment) and, for SVG, "
    "Graphviz's dot program (e.g. 'apt-get install graphviz' or "
    "'brew install graphviz'). Mermaid needs nothing: use --format mermaid."
)


class GraphvizMissing(RuntimeError):
    """Graphviz was asked for but is not installed."""


class _LabelledState(State):
    """A state that carries a label for diagrams (the base State has none)."""

    def __init__(self, *args: Any, label: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if label:
            self.label = label


class _FlowGraphMachine(GraphMachine):
    state_cls = _LabelledState


def graph_machine(flow: Flow, engine: str, lang: str = "en") -> GraphMachine:
    """A diagram-capable machine with exactly the flow's states and transitions.

    Raises:
        GraphvizMissing: `engine` is "graphviz" and the graphviz package is absent.
    """
    states = [{"name": qid, "label": _clean(question.title.get(lang))}
              for qid, question in flow.questions.items()]
    states.append({"name": DONE, "label": DONE_LABEL})
    rules = [{**rule, "label": answer_label(flow, rule, lang)}
             for rule in transition_table(flow)]

    machine = _FlowGraphMachine(
        states=states, transitions=rules, initial=flow.start,
        auto_transitions=False, graph_engine=engine,
        title=_title(flow, engine, lang),
    )
    if engine == GRAPHVIZ and not machine.graph_cls.__module__.endswith("graphviz"):
        raise GraphvizMissing(GET_GRAPHVIZ)
    return machine


def static_graph(machine: GraphMachine) -> Any:
    """The machine's graph without the current state marked.

    The graph machine's only model sits on the first question, which would be
    drawn as "active"; a map of the flow has no current question.
    """
    machine.get_graph()
    machine.model_graphs[id(machine)].reset_styling()
    return machine.get_graph()


def mermaid(flow: Flow, lang: str = "en") -> str:
    """The flow as a Mermaid state diagram (stateDiagram-v2)."""
    return str(static_graph(graph_machine(flow, MERMAID, lang)).source) + "\n"


def dot(flow: Flow, lang: str = "en") -> str:
    """The flow as Graphviz DOT text. Raises GraphvizMissing."""
    return str(static_graph(graph_machine(flow, GRAPHVIZ, lang)).source)


def svg(flow: Flow, lang: str = "en") -> bytes:
    """The flow drawn as SVG by Graphviz's dot program. Raises GraphvizMissing."""
    graph = static_graph(graph_machine(flow, GRAPHVIZ, lang))

    import graphviz  # only here: it exists whenever graph_machine succeeded

    try:
        return bytes(graph.pipe(format="svg"))
    except (graphviz.ExecutableNotFound, graphviz.CalledProcessError) as error:
        raise GraphvizMissing(f"{GET_GRAPHVIZ} ({error})") from None


def answer_label(flow: Flow, rule: dict[str, str], lang: str = "en") -> str:
    """What a parent answers to take this transition, as the edge's label."""
    question = flow.question(rule["source"])
    trigger = rule["trigger"]
    if trigger == "skip":
        return SKIP_LABEL
    if trigger == "code":
        return f"any of {len(question.codes)} codes"
    return _clean(question.choice(trigger).short.get(lang))


def _title(flow: Flow, engine: str, lang: str) -> str:
    title = _clean(flow.title.get(lang))
    # transitions puts the title alone between Mermaid's front-matter fences,
    # where Mermaid expects YAML; as "title: ..." it is the diagram's title.
    return f'title: "{title}"' if engine == MERMAID else title


def _clean(text: str) -> str:
    """Text safe in a Mermaid label: no quotes, colons or semicolons."""
    return (text.replace('"', "'").replace(":", " -").replace(";", ",")
            .replace("\n", " "))
