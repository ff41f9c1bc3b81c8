// EventDeck
