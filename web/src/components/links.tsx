import { Anchor, type AnchorProps, Button, type ButtonProps, NavLink, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { type AnchorHTMLAttributes, forwardRef } from 'react';

type AnchorAttrs = AnchorHTMLAttributes<HTMLAnchorElement>;

const MantineAnchor = forwardRef<HTMLAnchorElement, AnchorProps & AnchorAttrs>((props, ref) => (
  <Anchor ref={ref} {...props} />
));
const MantineButtonAnchor = forwardRef<HTMLAnchorElement, ButtonProps & AnchorAttrs>((props, ref) => (
  <Button component="a" ref={ref} {...props} />
));
const MantineNavLink = forwardRef<HTMLAnchorElement, NavLinkProps & Omit<AnchorAttrs, 'color' | 'style'>>(
  (props, ref) => <NavLink component="a" ref={ref} {...props} />,
);

/** Router-aware links styled by Mantine. */
export const AnchorLink = createLink(MantineAnchor);
export const ButtonLink = createLink(MantineButtonAnchor);
export const NavLinkItem = createLink(MantineNavLink);
