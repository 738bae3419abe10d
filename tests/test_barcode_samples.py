"""The sample passports bundled for demo mode read as their manifest says, through FileSource."""

from kiosk import resources
from kiosk.scan.barcode import BarcodeReader, Confirmer
from kiosk.scan.frames import FileSource


def test_every_bundled_sample_is_confirmed_with_its_listed_number():
    manifest = resources.load_json("samples/barcodes.json")
    assert len(manifest) >= 3
    reader = BarcodeReader()
    for entry in manifest:
        path = resources.path("samples/" + entry["file"])
        assert path.stat().st_size < 150_000  # small enough to bundle
        # Demo mode loops one sample like a camera: confirmed on the second frame.
        source = FileSource(path, loop=True)
        confirmer = Confirmer()
        results = [confirmer.feed(reader.read(source.read())) for _ in range(2)]
        source.close()
        assert results == [None, entry["personal_number"]], entry["file"]
