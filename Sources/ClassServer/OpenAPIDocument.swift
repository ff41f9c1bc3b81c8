/// The OpenAPI 3 document describing every endpoint, served at `/openapi.json` (checked against the running server
/// by schemathesis in `Tests/e2e/test_server.py`).
public enum OpenAPIDocument {
  /// The document's bytes (JSON).
  public static var data: [UInt8] { Array(text.utf8) }

  /// The document.
  public static let text = #"""
{
  "openapi": "3.0.3",
  "info": {
    "title": "Annals class server",
    "version": "1",
    "description": "A class's published decks and its students' reviews. Every /v1 endpoint needs Authorization: Bearer <token>; a method an endpoint lacks is answered 405."
  },
  "paths": {
    "/health": {
      "get": {
        "summary": "Whether the server answers, and its database",
        "responses": {
          "200": {
            "description": "Up",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          }
        },
        "security": [],
        "operationId": "health"
      }
    },
    "/openapi.json": {
      "get": {
        "summary": "This document",
        "responses": {
          "200": {
            "description": "The OpenAPI 3 document",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        },
        "security": [],
        "operationId": "openapi"
      }
    },
    "/v1/me": {
      "get": {
        "summary": "Who the token belongs to",
        "responses": {
          "200": {
            "description": "The member",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Identity"
                }
              }
            }
          },
          "401": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearer": []
          }
        ],
        "operationId": "me"
      }
    },
    "/v1/students": {
      "get": {
        "summary": "Every student with their last sync (teacher)",
        "responses": {
          "200": {
            "description": "Students by name",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/StudentSummary"
                  }
                }
              }
            }
          },
          "401": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearer": []
          }
        ],
        "operationId": "listStudents"
      },
      "post": {
        "summary": "Enroll a student; their token is in the answer, once (teacher)",
        "responses": {
          "201": {
            "description": "Enrolled",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Enrollment"
                }
              }
            }
          },
          "400": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearer": []
          }
        ],
        "operationId": "enroll",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/EnrollRequest"
              }
            }
          }
        }
      }
    },
    "/v1/students/{name}": {
      "delete": {
        "summary": "Revoke a student's token, at once (teacher)",
        "responses": {
          "204": {
            "description": "Revoked"
          },
          "400": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearer": []
          }
        ],
        "operationId": "revoke",
        "parameters": [
          {
            "name": "name",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"
            }
          }
        ]
      }
    },
    "/v1/students/{name}/reviews": {
      "get": {
        "summary": "A page of a student's reviews, oldest first (the teacher, or that student)",
        "responses": {
          "200": {
            "description": "A page",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReviewPage"
                }
              }
            }
          },
          "400": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearer": []
          }
        ],
        "operationId": "studentReviews",
        "parameters": [
          {
            "name": "name",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"
            }
          },
          {
            "name": "after",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "format": "int64",
              "minimum": 0,
              "maximum": 9223372036854775807
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 2000,
              "format": "int64"
            }
          }
        ]
      }
    },
    "/v1/decks": {
      "get": {
        "summary": "The class's published decks",
        "responses": {
          "200": {
            "description": "Decks by id",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/DeckListing"
                  }
                }
              }
            }
          },
          "401": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearer": []
          }
        ],
        "operationId": "listDecks"
      }
    },
    "/v1/decks/{id}": {
      "get": {
        "summary": "A published deck with its source files",
        "responses": {
          "200": {
            "description": "The deck",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PublishedDeck"
                }
              }
            }
          },
          "400": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearer": []
          }
        ],
        "operationId": "getDeck",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"
            }
          }
        ]
      },
      "put": {
        "summary": "Publish a deck file and its sources as the deck's next version (teacher)",
        "responses": {
          "200": {
            "description": "Published",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeckListing"
                }
              }
            }
          },
          "400": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearer": []
          }
        ],
        "operationId": "publish",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/PublishRequest"
              }
            }
          }
        }
      }
    },
    "/v1/reviews": {
      "post": {
        "summary": "Push a batch of the student's reviews; re-sending is harmless (student)",
        "responses": {
          "200": {
            "description": "Every review in the batch is stored",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BatchReceipt"
                }
              }
            }
          },
          "400": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "The error, in words",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearer": []
          }
        ],
        "operationId": "pushReviews",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ReviewBatch"
              }
            }
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer"
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "message"
            ],
            "properties": {
              "message": {
                "type": "string"
              }
            }
          }
        }
      },
      "Health": {
        "type": "object",
        "required": [
          "status",
          "database"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ok"
            ]
          },
          "database": {
            "type": "string",
            "enum": [
              "sqlite",
              "postgresql"
            ]
          }
        }
      },
      "Identity": {
        "type": "object",
        "required": [
          "name",
          "role"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "role": {
            "type": "string",
            "enum": [
              "teacher",
              "student"
            ]
          }
        }
      },
      "EnrollRequest": {
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"
          }
        }
      },
      "Enrollment": {
        "type": "object",
        "required": [
          "name",
          "token"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "token": {
            "type": "string",
            "description": "shown once; the server keeps only its SHA-256"
          }
        }
      },
      "StudentSummary": {
        "type": "object",
        "required": [
          "name",
          "enrolledAt",
          "reviews",
          "revoked"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "enrolledAt": {
            "type": "integer",
            "format": "int64",
            "description": "milliseconds since 1970",
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          },
          "lastSyncAt": {
            "type": "integer",
            "format": "int64",
            "description": "milliseconds since 1970",
            "nullable": true,
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          },
          "reviews": {
            "type": "integer",
            "format": "int64",
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          },
          "revoked": {
            "type": "boolean"
          }
        }
      },
      "DeckFile": {
        "type": "object",
        "required": [
          "path",
          "text"
        ],
        "properties": {
          "path": {
            "type": "string",
            "maxLength": 512,
            "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$",
            "description": "relative to Decks/: parts of letters, digits, '.', '_', '-', none starting with '.'"
          },
          "text": {
            "type": "string"
          }
        }
      },
      "DeckFileName": {
        "type": "object",
        "required": [
          "path",
          "text"
        ],
        "properties": {
          "path": {
            "type": "string",
            "maxLength": 512,
            "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]*\\.ya?ml$",
            "description": "the deck file's name, no folders"
          },
          "text": {
            "type": "string"
          }
        }
      },
      "PublishRequest": {
        "type": "object",
        "required": [
          "deck",
          "sources"
        ],
        "description": "Each source path at most once, none equal to the deck's (400 otherwise).",
        "properties": {
          "deck": {
            "$ref": "#/components/schemas/DeckFileName"
          },
          "sources": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/DeckFile"
            },
            "maxItems": 63,
            "uniqueItems": true
          }
        }
      },
      "PublishedDeck": {
        "type": "object",
        "required": [
          "id",
          "version",
          "publishedAt",
          "files"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "version": {
            "type": "integer",
            "format": "int64",
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          },
          "publishedAt": {
            "type": "integer",
            "format": "int64",
            "description": "milliseconds since 1970",
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          },
          "files": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/DeckFile"
            },
            "description": "the deck file first, then its sources"
          }
        }
      },
      "DeckListing": {
        "type": "object",
        "required": [
          "id",
          "version",
          "publishedAt"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "version": {
            "type": "integer",
            "format": "int64",
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          },
          "publishedAt": {
            "type": "integer",
            "format": "int64",
            "description": "milliseconds since 1970",
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          }
        }
      },
      "ReviewedCard": {
        "type": "object",
        "required": [
          "id",
          "deck",
          "kind",
          "siblingGroup",
          "tags",
          "position",
          "added"
        ],
        "properties": {
          "id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 512
          },
          "deck": {
            "type": "string",
            "minLength": 1,
            "maxLength": 256
          },
          "kind": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "siblingGroup": {
            "type": "string"
          },
          "tags": {
            "type": "string"
          },
          "era": {
            "type": "string",
            "nullable": true
          },
          "position": {
            "type": "integer",
            "format": "int64",
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          },
          "added": {
            "type": "integer",
            "format": "int64",
            "description": "milliseconds since 1970",
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          }
        }
      },
      "SyncedReview": {
        "type": "object",
        "required": [
          "storeID",
          "rowID",
          "card",
          "time",
          "rating",
          "phase",
          "step",
          "lapses",
          "scheduledDays",
          "dueOffset",
          "scheduler",
          "parameters",
          "undone"
        ],
        "properties": {
          "storeID": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64,
            "description": "the learner store's UUID"
          },
          "rowID": {
            "type": "integer",
            "format": "int64",
            "minimum": 1,
            "description": "the revlog row's id; with storeID the review's stable id",
            "maximum": 9223372036854775807
          },
          "card": {
            "$ref": "#/components/schemas/ReviewedCard"
          },
          "time": {
            "type": "integer",
            "format": "int64",
            "description": "milliseconds since 1970",
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          },
          "rating": {
            "type": "integer",
            "minimum": 1,
            "maximum": 4,
            "format": "int64"
          },
          "prevRowID": {
            "type": "integer",
            "format": "int64",
            "nullable": true,
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          },
          "phase": {
            "type": "integer",
            "minimum": 0,
            "maximum": 3,
            "format": "int64"
          },
          "step": {
            "type": "integer",
            "format": "int64",
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          },
          "lapses": {
            "type": "integer",
            "format": "int64",
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          },
          "scheduledDays": {
            "type": "integer",
            "format": "int64",
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          },
          "stability": {
            "type": "number",
            "nullable": true
          },
          "difficulty": {
            "type": "number",
            "nullable": true
          },
          "ease": {
            "type": "number",
            "nullable": true
          },
          "dueOffset": {
            "type": "integer",
            "format": "int64",
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          },
          "typedAnswer": {
            "type": "string",
            "maxLength": 4096,
            "nullable": true
          },
          "verdict": {
            "type": "string",
            "nullable": true
          },
          "responseMilliseconds": {
            "type": "integer",
            "nullable": true,
            "format": "int64",
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          },
          "scheduler": {
            "type": "string"
          },
          "parameters": {
            "type": "string",
            "maxLength": 16384
          },
          "undone": {
            "type": "boolean"
          }
        }
      },
      "ReviewBatch": {
        "type": "object",
        "required": [
          "reviews"
        ],
        "properties": {
          "reviews": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SyncedReview"
            },
            "maxItems": 500
          }
        }
      },
      "BatchReceipt": {
        "type": "object",
        "required": [
          "stored",
          "received"
        ],
        "properties": {
          "stored": {
            "type": "integer",
            "description": "reviews new to the server",
            "format": "int64",
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          },
          "received": {
            "type": "integer",
            "format": "int64",
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          }
        }
      },
      "ReviewPage": {
        "type": "object",
        "required": [
          "reviews"
        ],
        "properties": {
          "reviews": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SyncedReview"
            }
          },
          "next": {
            "type": "integer",
            "format": "int64",
            "description": "pass as 'after' for the next page; absent on the last",
            "nullable": true,
            "minimum": -9223372036854775808,
            "maximum": 9223372036854775807
          }
        }
      }
    }
  }
}
"""#
}
