-- Issue 12: a subscription's signing secret is stored encrypted ('v1:' and base64 of AES-GCM), longer
-- than the secret itself; secrets stored in clear before this are still read as they are.
ALTER TABLE webhook_subscription MODIFY secret VARCHAR(255) NOT NULL;
