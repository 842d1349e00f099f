"""The document corpus. Replace with the real documents (kept in the residency region)."""
from .retrieval import Document

DOCUMENTS = [
    Document("refunds", "Refunds are paid within 14 days of the return being received. Store credit is issued immediately."),
    Document("shipping", "Standard shipping takes 3 to 5 business days. Express shipping arrives the next business day."),
    Document("warranty", "Every device has a two year warranty. The warranty covers manufacturing defects, not accidental damage."),
    Document("privacy", "Customer data is stored in the region the customer signed up in and is never sold."),
]
