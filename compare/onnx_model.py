"""The ONNX copy of a sentence-transformers model: where it is kept and how it is made.

:class:`~compare.embed.OnnxEmbedder` runs the bundled all-MiniLM-L6-v2 with onnxruntime, which
starts in a fraction of a second where torch takes seconds. No PyPI package ships an fp32 ONNX
export of these exact weights, so the installed torch exports them once (``make setup`` runs
``python -m compare.onnx_model``; otherwise the first run does it and says so). The export is
kept in ``$COMPARE_ONNX_DIR``, else ``~/.cache/compare/onnx`` (the platform's user cache
folder), keyed by the source weights' path, size and modification time, so a reinstalled
model is exported again.

Two files are written: ``model.fp32.onnx`` (the traced graph, the same numbers as torch to
about 1e-6) and ``model.int8.onnx`` (its weight matrices dynamically quantised to int8 per
channel: two to three times faster on a CPU, cosine about 0.993 with the reference).

Only the export needs torch, transformers and onnx; reading :func:`spec` and :func:`onnx_path`
costs a few file reads.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import tempfile
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from compare.errors import ModelError

#: Bump when the export procedure changes, so old caches are not reused.
EXPORT_VERSION = 1
PRECISIONS = ("int8", "fp32")
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
_OUTPUT = "last_hidden_state"
#: Files whose identity decides whether a cached export is still the same model.
_SOURCE_FILES = ("config.json", "model.safetensors", "pytorch_model.bin", "tokenizer.json")


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """What the ONNX backend needs to know of a sentence-transformers model directory."""

    #: The model directory (config.json, tokenizer.json, weights).
    path: Path
    #: A short name for the cache folder.
    slug: str
    #: Inputs longer than this many tokens are truncated (sentence_bert_config.json).
    max_seq_length: int
    #: The embedding width.
    dim: int


def spec(path: Path, slug: str | None = None) -> ModelSpec:
    """Check that ``path`` is a mean-pooled transformer the ONNX backend reproduces exactly.

    The backend implements the model's modules itself (tokenizer, transformer, mean pooling,
    L2 normalisation), so anything else (CLS pooling, a dense layer) must use the torch backend.
    """
    if not (path / "tokenizer.json").is_file() or not (path / "config.json").is_file():
        raise ModelError(f"{path}: the onnx backend needs config.json and tokenizer.json (try --backend torch)")
    modules = _read_json(path / "modules.json", [])
    kinds = [m.get("type", "").rsplit(".", 1)[-1] for m in modules]
    if modules and (kinds[:2] != ["Transformer", "Pooling"] or set(kinds[2:]) - {"Normalize"}):
        raise ModelError(f"{path}: modules {kinds} are not transformer + pooling (try --backend torch)")
    pooling_dir = next((m.get("path", "") for m in modules if m.get("type", "").endswith("Pooling")), "1_Pooling")
    pooling = _read_json(path / pooling_dir / "config.json", {"pooling_mode_mean_tokens": True})
    modes = {k for k, v in pooling.items() if k.startswith("pooling_mode_") and v}
    if modes != {"pooling_mode_mean_tokens"}:
        raise ModelError(f"{path}: pooling {sorted(modes)} is not mean pooling (try --backend torch)")
    config = _read_json(path / "config.json", {})
    bert = _read_json(path / "sentence_bert_config.json", {})
    limit = int(config.get("max_position_embeddings", 512))
    max_len = min(int(bert.get("max_seq_length") or limit), limit)
    dim = int(pooling.get("word_embedding_dimension") or config.get("hidden_size", 0))
    return ModelSpec(path, slug or path.name, max_len, dim)


def cache_root() -> Path:
    """``$COMPARE_ONNX_DIR``, else ``onnx/`` in the user cache folder (``~/.cache/compare/onnx``).

    Not ``$COMPARE_CACHE_DIR`` (the sentence-vector cache, which tests point at a fresh folder
    each): the export is a setup product that every run and test session reuses.
    """
    if env := os.environ.get("COMPARE_ONNX_DIR"):
        return Path(env).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("compare", appauthor=False) / "onnx"


def onnx_path(model: ModelSpec, precision: str, root: Path | None = None) -> Path:
    """Where the export of ``model`` at ``precision`` is (or will be) kept."""
    if precision not in PRECISIONS:
        raise ModelError(f"unknown ONNX precision {precision!r} (choose from {', '.join(PRECISIONS)})")
    identity = [str(model.path.resolve()), str(EXPORT_VERSION)]
    for name in _SOURCE_FILES:
        if (file := model.path / name).is_file():
            st = file.stat()
            identity.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    key = hashlib.sha1("\n".join(identity).encode()).hexdigest()[:12]
    return (root or cache_root()) / f"{model.slug}-{key}" / f"model.{precision}.onnx"


def ensure(
    model: ModelSpec, precision: str, root: Path | None = None, notify: Callable[[str], None] | None = None
) -> Path:
    """The path of the ONNX file, exporting the model first if it is not cached yet."""
    target = onnx_path(model, precision, root)
    if not target.is_file():
        if notify:
            notify(
                f"compare: exporting {model.slug} to ONNX once with torch (about 20 s) into {target.parent}; "
                "later runs start in well under a second"
            )
        export(model, target.parent)
        _prune(target.parent)
    return target


def _prune(current: Path) -> None:
    """Delete other exports whose source model is gone (a removed virtual environment)."""
    import shutil

    for folder in current.parent.iterdir():
        meta = folder / "export.json"
        if folder == current or not meta.is_file():
            continue
        try:
            source = json.loads(meta.read_text(encoding="utf-8")).get("source", "")
        except (OSError, ValueError):
            continue
        if source and not Path(source).exists():
            shutil.rmtree(folder, ignore_errors=True)


def export(model: ModelSpec, folder: Path) -> None:
    """Trace the model with torch, check it against torch, quantise it; write both files atomically."""
    try:
        _export(model, folder)
    except (ImportError, RuntimeError, OSError, ValueError) as exc:  # torch's exporter errors are RuntimeErrors
        raise ModelError(
            f"cannot export {model.slug} to ONNX: {str(exc).splitlines()[0] if str(exc) else exc!r}"
        ) from exc


def _export(model: ModelSpec, folder: Path) -> None:
    try:
        import torch
        from transformers import AutoModel
        from transformers.utils import logging as hf_logging
    except ImportError as exc:  # pragma: no cover - torch is a dependency
        raise ModelError(f"exporting to ONNX needs torch and transformers: {exc}") from exc
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    try:
        net = AutoModel.from_pretrained(str(model.path), attn_implementation="eager").eval()
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load {model.path} for export: {str(exc).splitlines()[0]}") from exc
    names = [n for n in _INPUTS if n in _forward_parameters(net)]

    class LastHidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.net = net

        def forward(self, *args: torch.Tensor) -> torch.Tensor:
            return self.net(**dict(zip(names, args, strict=True))).last_hidden_state  # type: ignore[no-any-return]

    cases = _torch_cases(net, names)
    folder.mkdir(parents=True, exist_ok=True)
    # A padded row in the example, so that the trace keeps the attention mask: with an all-ones
    # mask transformers skips masking, and the graph would ignore padding for ever.
    example = {"input_ids": torch.full((2, 16), 1000), "attention_mask": torch.ones((2, 16), dtype=torch.long)}
    example["attention_mask"][1, 8:] = 0
    example["token_type_ids"] = torch.zeros((2, 16), dtype=torch.long)
    dummy = tuple(example[n] for n in names)
    with tempfile.TemporaryDirectory(dir=folder, prefix=".export-") as tmp:
        fp32, int8 = Path(tmp) / "model.fp32.onnx", Path(tmp) / "model.int8.onnx"
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")  # tracer notes on Python control flow: checked below instead
            torch.onnx.export(
                LastHidden(),
                dummy,
                str(fp32),
                dynamo=False,  # the TorchScript tracer: no onnxscript needed, one self-contained file
                input_names=names,
                output_names=[_OUTPUT],
                dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, _OUTPUT]},
                opset_version=17,
            )
        _check(fp32, cases, model)
        _quantise(fp32, int8)
        for file in (fp32, int8):
            file.replace(folder / file.name)
        meta = {"source": str(model.path), "export_version": EXPORT_VERSION, "torch": torch.__version__}
        (folder / "export.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def _torch_cases(net: object, names: Sequence[str]) -> list[tuple[dict[str, np.ndarray], np.ndarray]]:
    """Inputs of other batch sizes and lengths than the trace's, and torch's outputs for them.

    Computed before the export: the tracer leaves the module unfit to be a reference.
    """
    import torch

    rng = np.random.default_rng(0)
    cases = []
    for batch, length in ((1, 5), (3, 41)):
        ids = rng.integers(1000, 5000, size=(batch, length))
        mask = np.ones_like(ids)
        mask[-1, length // 2 :] = 0  # one padded row
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        feeds = {n: feeds[n].astype(np.int64) for n in names}
        with torch.no_grad():
            want = net(**{n: torch.from_numpy(v) for n, v in feeds.items()}).last_hidden_state.numpy()  # type: ignore[operator]
        cases.append((feeds, want))
    return cases


def _check(path: Path, cases: list[tuple[dict[str, np.ndarray], np.ndarray]], model: ModelSpec) -> None:
    """A traced graph can bake in one shape or skip masking: compare it with torch's outputs."""
    import onnxruntime as ort  # type: ignore[import-untyped]

    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    for feeds, want in cases:
        got = session.run([_OUTPUT], feeds)[0]
        real = feeds["attention_mask"].astype(bool)  # padded positions hold states that pooling ignores
        diff = float(np.abs(got[real] - want[real]).max())
        if diff > 1e-3:
            raise ModelError(f"the ONNX export of {model.slug} does not match torch (max difference {diff:.2g})")


def _quantise(source: Path, target: Path) -> None:
    """int8 weights, per output channel, for the projection matrices only.

    The two attention products (activations × activations) stay fp32, and per-channel scales
    keep the cosine with the reference at about 0.993; per-tensor scales drop it to about 0.96.
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic  # type: ignore[import-untyped]

    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # the quantiser logs advice on pre-processing that does not apply here
    try:
        quantize_dynamic(
            str(source), str(target), weight_type=QuantType.QInt8, per_channel=True, op_types_to_quantize=["MatMul"]
        )
    finally:
        root.setLevel(level)


def _forward_parameters(net: object) -> set[str]:
    import inspect

    return set(inspect.signature(net.forward).parameters)  # type: ignore[attr-defined]


def _read_json(path: Path, default: object) -> dict:  # type: ignore[type-arg]
    if not path.is_file():
        return default  # type: ignore[return-value]
    try:
        return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path}: unreadable model file: {exc}") from exc


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m compare.onnx_model [MODEL]``: export now (``make setup`` does), print where."""
    from compare.embed import BUNDLED, model_spec

    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in {"-h", "--help"}:
        print("usage: python -m compare.onnx_model [MODEL_DIR]  (default: the bundled all-MiniLM-L6-v2)")
        return 0
    try:
        model = model_spec(args[0] if args else BUNDLED)
        for precision in PRECISIONS:
            path = ensure(model, precision, notify=lambda m: print(m, file=sys.stderr))
        print(f"ONNX export ready: {path.parent}")
    except ModelError as exc:
        print(f"compare: error: {exc}", file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
