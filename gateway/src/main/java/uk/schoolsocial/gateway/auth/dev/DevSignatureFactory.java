package uk.schoolsocial.gateway.auth.dev;

import com.nimbusds.jose.JOSEException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.rsa.RSASignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import uk.schoolsocial.gateway.auth.AuthProperties;

import java.security.interfaces.RSAPublicKey;

/**
 * In dev mode, callers' tokens are verified against the dev issuer's public key: Micronaut
 * Security makes a signature check of every {@link RSASignatureConfiguration} bean.
 */
@Factory
@Requires(property = AuthProperties.MODE_PROPERTY, value = AuthProperties.DEV, defaultValue = AuthProperties.DEV)
class DevSignatureFactory {

    @Singleton
    @Named("dev")
    RSASignatureConfiguration devSignature(DevSigningKey signingKey) {
        try {
            RSAPublicKey publicKey = signingKey.key().toRSAPublicKey();
            return () -> publicKey;
        } catch (JOSEException e) {
            throw new ConfigurationException("The dev issuer key has no usable public key", e);
        }
    }
}
