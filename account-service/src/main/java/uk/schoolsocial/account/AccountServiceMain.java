package uk.schoolsocial.account;

import io.micronaut.runtime.Micronaut;

/** Starts account-service: official accounts, their applications and their administrators. */
public final class AccountServiceMain {

    private AccountServiceMain() {
    }

    public static void main(String[] args) {
        Micronaut.run(AccountServiceMain.class, args);
    }
}
