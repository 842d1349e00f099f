"""CI tags images with the commit SHA and points the manifests at it."""
import shutil
import subprocess

import yaml

from usecase.config import ROOT

REPOSITORY = "${{ values.imageRepository }}"


def images(directory):
    found = []
    for path in sorted((directory / "deploy").rglob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text()):
            found += [line.split("image:", 1)[1].strip() for line in yaml.safe_dump(document).splitlines() if "image:" in line]
    return found


def test_every_image_is_pinned_to_the_commit_that_built_it(tmp_path):
    shutil.copytree(ROOT / "deploy", tmp_path / "deploy")
    sha = "3f2c1e0d9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e"
    subprocess.run(["sh", str(ROOT / "scripts" / "set-image-tag.sh"), sha], cwd=tmp_path, check=True, capture_output=True)
    ours = [image for image in images(tmp_path) if image.startswith(f"{REPOSITORY}:")]
    assert ours and set(ours) == {f"{REPOSITORY}:{sha}"}
    # Third-party images (e.g. the model server) keep their pinned release, never :latest.
    assert all(":" in image and not image.endswith(":latest") for image in images(tmp_path))


def test_a_bad_tag_is_refused(tmp_path):
    shutil.copytree(ROOT / "deploy", tmp_path / "deploy")
    result = subprocess.run(["sh", str(ROOT / "scripts" / "set-image-tag.sh"), "x;rm -rf /"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2 and "not a valid image tag" in result.stderr
