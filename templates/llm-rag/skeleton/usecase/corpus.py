"""The document corpus. Replace with the real documents (kept in the residency region)."""
from .retrieval import Document

DOCUMENTS = [
    Document("refunds", "Refunds are paid within 14 days of the return being received. Store credit is issued immediately."),
    Document("returns", "Items can be returned within 30 days of delivery. Opened software cannot be returned."),
    Document("shipping", "Standard shipping takes 3 to 5 business days. Express shipping arrives the next business day."),
    Document("shipping-cost", "Shipping is free for orders over 50 dollars. Smaller orders pay a flat fee of 7 dollars."),
    Document("warranty", "Every device has a two year warranty. The warranty covers manufacturing defects, not accidental damage."),
    Document("privacy", "Customer data is stored in the region the customer signed up in and is never sold."),
    Document("account-deletion", "Deleting an account erases the customer's personal data within 30 days; invoices are kept for 7 years as the law requires."),
    Document("support-hours", "Phone support is open Monday to Friday from 8 am to 6 pm. Chat support is available every day."),
    Document("payment", "We accept credit cards and bank transfers. Cash on delivery is not offered."),
]
